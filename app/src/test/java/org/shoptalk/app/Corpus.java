package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.dialogue.GoalStore;
import org.shoptalk.core.digest.Digest;
import org.shoptalk.core.digest.DigestBuilder;
import org.shoptalk.core.digest.DigestHistory;
import org.shoptalk.core.digest.DigestRenderer;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.round.AnswerStore;
import org.shoptalk.core.round.RoundStore;
import org.shoptalk.core.schedule.ScheduleStore;

/**
 * The corpus of payloads in the shapes Slack and Teams really send (test resources under {@code corpus/slack} and
 * {@code corpus/teams}, one JSON file per shape: {@code about} says what it is, {@code shows} what every rendering must
 * show exactly, {@code never} what none may show, {@code payloads} what the platform sends, with {@code ${name}}
 * placeholders), and the checks every rendering of the resulting digest must pass: the Slack digest (Block Kit), the
 * Teams digest card and the web page.
 */
final class Corpus {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** No rendering may link here: corpus payloads use it for links people typed as text. */
    private static final String NEVER_LINKED = "evil.example";

    record Entry(String name, String about, List<String> shows, List<String> never, List<String> payloads) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Corpus() {}

    static Stream<Entry> entries(String platform) {
        try {
            Path dir = Path.of(Corpus.class.getResource("/corpus/" + platform).toURI());
            List<Entry> entries = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json"))
                        .sorted()
                        .toList()) {
                    JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
                    List<String> payloads = new ArrayList<>();
                    root.get("payloads").forEach(p -> payloads.add(p.toString()));
                    entries.add(new Entry(
                            file.getFileName().toString().replace(".json", ""),
                            root.get("about").asText(),
                            strings(root.get("shows")),
                            strings(root.get("never")),
                            payloads));
                }
            }
            assertThat(entries).as("corpus/" + platform).isNotEmpty();
            entries.forEach(e -> assertThat(e.about()).as(e.name() + ": about").isNotBlank());
            return entries.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** A payload with its placeholders filled. */
    static String fill(String payload, Map<String, String> vars) {
        String out = payload;
        for (Map.Entry<String, String> v : vars.entrySet()) {
            out = out.replace("${" + v.getKey() + "}", v.getValue());
        }
        assertThat(out).as("every placeholder filled").doesNotContain("${");
        return out;
    }

    /** The digest of the app's one guild as core renders it before any platform does, linking to {@code page}. */
    static ChatMessage neutralDigest(Database db, String page) {
        return db.withHandle(h -> {
            GuildStore guilds = new GuildStore();
            Guild guild = guilds.all(h).get(0);
            Instant to = Instant.now();
            Digest digest = new DigestBuilder(
                            new RoundStore(), new AnswerStore(), new ScheduleStore(guilds), new GoalStore())
                    .build(h, guild, DigestHistory.periodStart(to, 1, guild.zone()), to, user -> user.id());
            return DigestRenderer.render(digest, Optional.of(page));
        });
    }

    /** The Slack digest: people's words only as literal rich text, exactly as written, no quote empty. */
    static void checkSlack(Entry e, String blocksJson) throws IOException {
        JsonNode blocks = JSON.readTree(blocksJson);
        List<String> quotes = new ArrayList<>();
        List<String> mrkdwn = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (JsonNode block : blocks) {
            block.findValues("text")
                    .forEach(t -> all.append(
                                    t.isTextual() ? t.asText() : t.path("text").asText())
                            .append('\n'));
            if (block.path("type").asText().equals("rich_text")) {
                for (JsonNode element : block.path("elements")) {
                    if (element.path("type").asText().equals("rich_text_quote")) {
                        StringBuilder quote = new StringBuilder();
                        element.path("elements")
                                .forEach(t -> quote.append(t.path("text").asText()));
                        quotes.add(quote.toString());
                    }
                }
            } else {
                block.findValues("text").stream()
                        .filter(t -> t.isObject() && t.path("type").asText().equals("mrkdwn"))
                        .forEach(t -> mrkdwn.add(t.path("text").asText()));
                block.path("elements").forEach(t -> {
                    if (t.path("type").asText().equals("mrkdwn")) {
                        mrkdwn.add(t.path("text").asText());
                    }
                });
            }
        }
        String where = e.name() + " in the Slack digest";
        assertThat(quotes).as(where + ": quotes").isNotEmpty().noneMatch(String::isBlank);
        for (String shown : e.shows()) {
            assertThat(quotes).as(where + ": quoted as written").anyMatch(q -> q.contains(shown));
            assertThat(mrkdwn).as(where + ": never as mrkdwn").noneMatch(m -> m.contains(shown));
        }
        assertThat(mrkdwn)
                .as(where + ": no mention, broadcast or link the bot did not make")
                .noneMatch(m -> m.contains("<@") || m.contains("<!") || m.contains(NEVER_LINKED));
        e.never().forEach(n -> assertThat(all.toString()).as(where).doesNotContain(n));
    }

    /** The Teams card: people's words only in RichTextBlocks marked as said, line by line, no quote empty. */
    static void checkTeams(Entry e, JsonNode card) {
        List<String> quotes = new ArrayList<>();
        for (JsonNode container : card.findParents("id")) {
            if (!container.path("id").asText().startsWith("said-")) {
                continue;
            }
            assertThat(container.findValues("type"))
                    .extracting(JsonNode::asText)
                    .as(e.name() + ": no Markdown TextBlock holds people's words")
                    .doesNotContain("TextBlock");
            JsonNode words = container.path("items").path(0);
            quotes.add(String.join(
                    "\n",
                    words.findValues("text").stream().map(JsonNode::asText).toList()));
        }
        List<String> markdown = card.findParents("type").stream()
                .filter(n -> n.path("type").asText().equals("TextBlock"))
                .map(n -> n.path("text").asText())
                .toList();
        String where = e.name() + " in the Teams card";
        assertThat(quotes).as(where + ": quotes").isNotEmpty().noneMatch(String::isBlank);
        for (String shown : e.shows()) {
            assertThat(quotes).as(where + ": quoted as written").anyMatch(q -> q.contains(shown));
            assertThat(markdown).as(where + ": never as Markdown").noneMatch(m -> m.contains(shown));
        }
        assertThat(markdown)
                .as(where + ": no mention or link the bot did not make")
                .noneMatch(m -> m.contains("<at>") || m.contains(NEVER_LINKED));
        assertThat(card.path("msteams").has("entities"))
                .as(where + ": nobody notified")
                .isFalse();
        String all = String.join(
                "\n", card.findValues("text").stream().map(JsonNode::asText).toList());
        e.never().forEach(n -> assertThat(all).as(where).doesNotContain(n));
    }

    /** The web page: each answer a paragraph of text, none empty, no link inside people's words. */
    static void checkPage(Entry e, String html) {
        Document page = Jsoup.parse(html);
        List<Element> answers = page.select("p.text");
        String where = e.name() + " on the web page";
        assertThat(answers).as(where + ": answers").isNotEmpty();
        assertThat(answers)
                .as(where + ": no empty answer")
                .noneMatch(p -> p.wholeText().isBlank());
        assertThat(answers.stream().mapToInt(p -> p.select("a").size()).sum())
                .as(where + ": no link inside people's words")
                .isZero();
        for (String shown : e.shows()) {
            assertThat(answers)
                    .as(where + ": as written")
                    .anyMatch(p -> p.wholeText().contains(shown));
        }
        assertThat(page.select("a[href*=" + NEVER_LINKED + "]")).as(where).isEmpty();
        e.never().forEach(n -> assertThat(page.wholeText()).as(where).doesNotContain(n));
    }
}
