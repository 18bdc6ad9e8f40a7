package org.shoptalk.core.digest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.shoptalk.core.i18n.Dates;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;
import org.shoptalk.core.intervisie.Intervisies;
import org.shoptalk.core.prompt.Theme;
import org.shoptalk.core.round.Attribution;

/**
 * A guild's digest history as a file: Markdown to read, CSV for a spreadsheet (one row per answer, a
 * round without answers gets one row of its own), JSON for scripts. Markdown's dates are in the language's one style
 * ({@link Dates}). CSV and JSON times are ISO-8601 UTC instants, except an
 * anonymous answer's, which is its day alone ({@code 2026-11-23}) in the guild's time zone, with no edit time:
 * names and times follow {@link Attribution}, as the chat digest and the page do.
 *
 * <p>Language (issue 12, docs/digest-on-the-web.md): what people read is in the guild's language, from the catalog.
 * Markdown's headings and labels are. CSV is opened by people in a spreadsheet, so its header row is too
 * ({@code export.csv.<column>}: a Dutch guild gets {@code moment_nr,moment_geopend_op,...}), as are its yes/no
 * values and theme words; the columns and their order are {@link #CSV_COLUMNS} in every language, and an English
 * guild's header is exactly those ids, as before, so importers built on it keep working. JSON is for scripts: its
 * keys, booleans and theme keys stay the same in every language.
 */
public enum DigestExport {
    MARKDOWN("md", "text/markdown; charset=utf-8"),
    CSV("csv", "text/csv; charset=utf-8"),
    JSON("json", "application/json");

    /** The CSV columns in order, by stable id (the English header); each is {@code export.csv.<id>} in the catalog. */
    static final List<String> CSV_COLUMNS = List.of(
            "round_id",
            "round_opened_at",
            "theme",
            "prompt",
            "why",
            "answer_id",
            "answer_posted_at",
            "author_id",
            "author",
            "anonymous",
            "responds_to_id",
            "responds_to",
            "edited",
            "text",
            "thread_url");

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String extension;
    private final String contentType;

    DigestExport(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** The format for a file extension or name ("md", "markdown", "csv", "json"). */
    public static Optional<DigestExport> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "md", "markdown" -> Optional.of(MARKDOWN);
            case "csv" -> Optional.of(CSV);
            case "json" -> Optional.of(JSON);
            default -> Optional.empty();
        };
    }

    public String write(DigestHistory.Period period) {
        return switch (this) {
            case MARKDOWN -> markdown(period);
            case CSV -> csv(period);
            case JSON -> json(period);
        };
    }

    private static String markdown(DigestHistory.Period p) {
        Language lang = p.guild().language();
        Texts t = Texts.get();
        ZoneId zone = p.guild().zone();
        StringBuilder out = new StringBuilder();
        out.append("# ")
                .append(t.t(
                        lang,
                        "export.md.title",
                        oneLine(p.guild().name()),
                        Dates.date(lang, p.from().atZone(zone).toLocalDate()),
                        Dates.date(lang, p.to().minusNanos(1).atZone(zone).toLocalDate())))
                .append("\n\n")
                .append(t.t(lang, "export.md.summary", zone.getId(), p.rounds().size(), p.answerCount()))
                .append('\n');
        for (DigestHistory.RoundEntry r : p.rounds()) {
            out.append("\n## ")
                    .append(Dates.dateTime(lang, r.openedAt().atZone(zone)))
                    .append(": ")
                    .append(oneLine(r.prompt()))
                    .append("\n\n*")
                    .append(t.t(lang, "export.md.why"))
                    .append("* ")
                    .append(oneLine(r.why()))
                    .append('\n');
            for (DigestHistory.ThreadLink link : r.threads()) {
                out.append('\n')
                        .append(t.t(lang, "export.md.thread"))
                        .append(" <")
                        .append(link.url())
                        .append(">\n");
            }
            if (r.answers().isEmpty()) {
                out.append('\n').append(t.t(lang, "export.md.no.answers")).append('\n');
            }
            for (DigestHistory.AnswerEntry a : r.answers()) {
                Attribution.Byline by = a.by();
                out.append("\n**").append(oneLine(by.authorName())).append("**");
                if (by.respondsToName() != null) {
                    out.append(", ")
                            .append(t.t(lang, "export.md.responding"))
                            .append(" **")
                            .append(oneLine(by.respondsToName()))
                            .append("**");
                }
                out.append(" (")
                        .append(by.posted().format(lang))
                        .append(by.edited() ? ", " + t.t(lang, "export.md.edited") : "")
                        .append(")\n\n");
                for (String line : a.text().split("\r?\n", -1)) {
                    out.append("> ").append(line).append('\n');
                }
            }
        }
        for (Intervisies.Finished i : p.intervisies()) {
            out.append("\n## ")
                    .append(Dates.dateTime(lang, i.finishedAt().atZone(zone)))
                    .append(": ")
                    .append(t.t(lang, "digest.intervisie", i.participants()))
                    .append('\n');
            if (!i.takeaways().isEmpty()) {
                out.append('\n')
                        .append(t.t(lang, "digest.intervisie.takeaways"))
                        .append('\n');
            }
            for (String takeaway : i.takeaways()) {
                out.append('\n');
                for (String line : takeaway.split("\r?\n", -1)) {
                    out.append("> ").append(line).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String csv(DigestHistory.Period p) {
        Language lang = p.guild().language();
        StringBuilder out = new StringBuilder();
        row(out, header(lang));
        for (DigestHistory.RoundEntry r : p.rounds()) {
            List<String> round = List.of(
                    String.valueOf(r.id()), r.openedAt().toString(), themeWord(r.theme(), lang), r.prompt(), r.why());
            String firstThread = r.threads().isEmpty() ? "" : r.threads().get(0).url();
            if (r.answers().isEmpty()) {
                row(out, concat(round, List.of("", "", "", "", "", "", "", "", "", firstThread)));
            }
            for (DigestHistory.AnswerEntry a : r.answers()) {
                Attribution.Byline by = a.by();
                row(
                        out,
                        concat(
                                round,
                                List.of(
                                        String.valueOf(a.id()),
                                        by.posted().iso(),
                                        orEmpty(by.authorId()),
                                        by.authorName(),
                                        yesNo(by.anonymous(), lang),
                                        orEmpty(by.respondsToId()),
                                        orEmpty(by.respondsToName()),
                                        yesNo(by.edited(), lang),
                                        a.text(),
                                        a.threadUrl() == null ? firstThread : a.threadUrl())));
            }
        }
        return out.toString();
    }

    /** The CSV header row in {@code language}: {@link #CSV_COLUMNS} as the catalog names them. */
    static List<String> header(Language language) {
        return CSV_COLUMNS.stream()
                .map(c -> Texts.get().t(language, "export.csv." + c))
                .toList();
    }

    private static String yesNo(boolean value, Language language) {
        return Texts.get().t(language, value ? "export.yes" : "export.no");
    }

    /** A theme as people of the guild call it; a key no theme has any more stays as stored. */
    private static String themeWord(String key, Language language) {
        return key == null ? "" : Theme.parse(key).map(th -> th.word(language)).orElse(key);
    }

    /** RFC 4180: every field quoted, quotes doubled, CRLF between records. */
    private static void row(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(defuse(fields.get(i)).replace("\"", "\"\"")).append('"');
        }
        out.append("\r\n");
    }

    // A spreadsheet runs a cell starting with = + - @ as a formula; people's words must stay words.
    private static String defuse(String field) {
        return !field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0 ? "'" + field : field;
    }

    private static String json(DigestHistory.Period p) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode guild = root.putObject("guild");
        guild.put("id", p.guild().id());
        guild.put("name", p.guild().name());
        guild.put("timeZone", p.guild().zone().getId());
        root.put("from", p.from().toString());
        root.put("to", p.to().toString());
        ArrayNode rounds = root.putArray("rounds");
        for (DigestHistory.RoundEntry r : p.rounds()) {
            ObjectNode round = rounds.addObject();
            round.put("id", r.id());
            round.put("openedAt", r.openedAt().toString());
            round.put("closesAt", r.closesAt().toString());
            round.put("theme", r.theme());
            round.put("prompt", r.prompt());
            round.put("why", r.why());
            ArrayNode threads = round.putArray("threads");
            r.threads()
                    .forEach(t ->
                            threads.addObject().put("channelId", t.channelId()).put("url", t.url()));
            ArrayNode answers = round.putArray("answers");
            for (DigestHistory.AnswerEntry a : r.answers()) {
                ObjectNode answer = answers.addObject();
                answer.put("id", a.id());
                Attribution.Byline by = a.by();
                answer.put("authorId", by.authorId());
                answer.put("author", by.authorName());
                answer.put("anonymous", by.anonymous());
                answer.put("respondsToId", by.respondsToId());
                answer.put("respondsTo", by.respondsToName());
                answer.put("postedAt", by.posted().iso());
                answer.put("edited", by.edited());
                answer.put(
                        "editedAt", by.editedAt() == null ? null : by.editedAt().toString());
                answer.put("text", a.text());
                answer.put("threadUrl", a.threadUrl());
            }
        }
        ArrayNode intervisies = root.putArray("intervisies");
        for (Intervisies.Finished i : p.intervisies()) {
            ObjectNode held = intervisies.addObject();
            held.put("finishedAt", i.finishedAt().toString());
            held.put("participants", i.participants());
            ArrayNode shared = held.putArray("sharedTakeaways");
            i.takeaways().forEach(shared::add);
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ");
    }
}
