package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.shoptalk.core.testing.SeenTexts;

/**
 * Issue 12, "Done means", in the local console: a Dutch guild's first week as its people would live it through the
 * console's JSON API (the page's own calls), with every text Shoptalk shows them checked for English. The lead Lotte
 * starts the guild, looks at her Home, asks for help, plans moments (one twice, one in the same minute), gets a zone
 * wrong, Bram joins and answers, the digest comes, and Bram has Shoptalk forget him.
 */
class DutchFirstWeekConsoleTest {
    private static final String LEAD = "lotte";
    private static final String MEMBER = "bram";

    @TempDir
    Path dir;

    @RegisterExtension
    final LocalApp local = new LocalApp();

    private Http http;

    @BeforeEach
    void start() {
        http = local.start(dir);
    }

    @Test
    void a_dutch_guild_reads_no_english_in_its_first_week_in_the_local_console() {
        ConsoleClient channel = new ConsoleClient(http, "vakgilde");
        ConsoleClient lotte = new ConsoleClient(http, "@" + LEAD);
        ConsoleClient bram = new ConsoleClient(http, "@" + MEMBER);

        assertThat(channel.command(LEAD, "/shoptalk gilde start Vakgilde taal nl tijdzone Europe/Amsterdam"))
                .contains("Vakgenootschap Vakgilde");
        assertThat(lotte.command(LEAD, "rooster"))
                .as("from her private chat")
                .contains("Reflectiemomenten van Vakgilde");
        assertThat(channel.command(LEAD, "/shoptalk hulp")).contains("Voor trekkers");

        assertThat(channel.command(LEAD, "/shoptalk schedule ma 10:25")).contains("#1 gepland");
        assertThat(channel.command(LEAD, "/shoptalk plan maandag 10.25"))
                .as("the same moment again")
                .contains("Moment #1 doet dit al");
        assertThat(channel.command(LEAD, "/shoptalk plan werkdagen 10:25"))
                .as("a clash in the same minute")
                .contains("dezelfde minuut als moment #1")
                .contains("toch");
        assertThat(channel.command(LEAD, "/shoptalk plan werkdagen 10:25 toch")).contains("#2 gepland");
        assertThat(channel.command(LEAD, "/shoptalk plan formulier"))
                .as("the console shows no forms: it says how to type it")
                .contains("Plan een moment door het te typen");
        assertThat(channel.command(LEAD, "/shoptalk plan di 09:30 tijdzone Mars/Olympus"))
                .contains("\"Mars/Olympus\" is geen tijdzone");
        assertThat(channel.command(LEAD, "/shoptalk rooster")).contains("#1").contains("#2");

        assertThat(channel.command(MEMBER, "/shoptalk gilde meedoen")).contains("Welkom bij Vakgilde");
        assertThat(bram.command(MEMBER, "rooster")).as("from his private chat").contains("Vakgilde");
        channel.post(LEAD, "/shoptalk moment", null);
        String thread = botPost(channel, "Reflectiemoment").get("id").asText();
        channel.post(MEMBER, "Ik vraag eerst door voordat ik iets oplos.", thread);
        channel.post(LEAD, "@bram dat wil ik ook proberen.", thread);
        channel.post(LEAD, "/shoptalk overzicht", null);
        assertThat(botPost(channel, "Deze week in Vakgilde").get("text").asText())
                .contains("Ik vraag eerst door")
                .contains("lotte, in reactie op bram");

        assertThat(bram.command(MEMBER, "vergeet mij")).contains("Er verandert niets tot je bevestigt");
        assertThat(bram.command(MEMBER, "vergeet mij bevestig")).contains("Shoptalk is je in deze werkruimte vergeten");

        SeenTexts seen = new SeenTexts().ignoringNames(LEAD, MEMBER, "Vakgilde");
        for (String viewer : List.of(LEAD, MEMBER)) {
            for (ConsoleClient where : List.of(channel, viewer.equals(LEAD) ? lotte : bram)) {
                for (JsonNode m : where.messages(viewer)) {
                    see(seen, viewer, m);
                }
            }
        }
        assertThat(seen.size()).isGreaterThan(20);
        seen.assertNoEnglish();
    }

    /** A message of Shoptalk's as the console shows it: its text, and each block's words, labels and who said it. */
    private static void see(SeenTexts seen, String viewer, JsonNode m) {
        if (!m.path("user").asText().equals("shoptalk")) {
            return;
        }
        String where =
                "console, seen by " + viewer + ", message " + m.path("id").asText();
        seen.add(where, m.path("text").asText());
        for (JsonNode block : m.path("blocks")) {
            words(seen, where + " " + block.path("type").asText(), block);
        }
    }

    /** Every text a block shows: its fields, nested ones too, apart from the command a button runs and addresses. */
    private static void words(SeenTexts seen, String where, JsonNode node) {
        node.properties().forEach(field -> {
            if (List.of("type", "command", "url").contains(field.getKey())) {
                return;
            }
            if (field.getValue().isTextual()) {
                seen.add(where + " " + field.getKey(), field.getValue().asText());
            } else if (field.getValue().isObject()) {
                words(seen, where + " " + field.getKey(), field.getValue());
            }
        });
    }

    /** The newest top-level message of Shoptalk's in the channel that everyone sees and that contains {@code text}. */
    private static JsonNode botPost(ConsoleClient channel, String text) {
        List<JsonNode> found = channel.messages("nobody").stream()
                .filter(m -> m.get("user").asText().equals("shoptalk"))
                .filter(m -> m.get("id").asText().equals(m.get("thread").asText()))
                .filter(m -> m.get("text").asText().contains(text))
                .toList();
        assertThat(found).as("a public post with " + text).isNotEmpty();
        return found.get(found.size() - 1);
    }

    /**
     * Issue 12: when core fails on a Dutch guild's command (here its moments' table is gone, the guild's is not), the
     * console shows the apology in the chat, in Dutch, as Slack and Teams do; not an English error.
     */
    @Test
    void a_dutch_guilds_command_that_fails_in_core_gets_the_apology_in_dutch() {
        ConsoleClient channel = new ConsoleClient(http, "vakgilde");
        assertThat(channel.command(LEAD, "/shoptalk gilde start Vakgilde taal nl"))
                .contains("Vakgenootschap Vakgilde");
        local.app().database().useTransaction(h -> h.update("ALTER TABLE schedule RENAME TO schedule_gone"));

        assertThat(channel.command(LEAD, "/shoptalk rooster"))
                .isEqualTo("Sorry, dat lukte Shoptalk nu niet. Probeer het over een minuut nog eens.");
    }
}
