package org.shoptalk.core.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 12, "Dutch everywhere": finds English words in a Dutch text as a person reads it. Every command word has a
 * Dutch form ({@code gilde}, {@code plan}, {@code overzicht}...), so a usage line, or a command shown after the
 * invocation ({@link #INVOCATION} in catalog texts, {@code /shoptalk} or {@code @Shoptalk} as rendered) or after
 * "typ"/"gebruik", must show the Dutch words too. English command words ({@link #COMMAND_WORDS}) pass only in quotes,
 * where a reply repeats what a person typed or names a field of the console's API ({@code "channel"}). People's
 * names are not words to check: a caller that shows them takes them out first ({@link SeenTexts}). The word list is a
 * heuristic: English words that are not also Dutch words, the English keywords, product words, and English day and
 * month names. Shared through bot-core's test-jar by the catalog's test ({@code DutchWithoutEnglishTest}) and the
 * walk-throughs of each surface. Stateless.
 */
public final class DutchCheck {
    /** How catalog texts are rendered for the check: a sign no text contains, standing for any invocation. */
    public static final String INVOCATION = "⌘";

    /** English command words: allowed in quotes only, where a reply repeats what was typed or names an API field. */
    public static final Set<String> COMMAND_WORDS = Set.of(
            "guild",
            "create",
            "join",
            "leave",
            "lead",
            "add",
            "channel",
            "remove",
            "schedule",
            "schedules",
            "at",
            "unschedule",
            "skip",
            "digest",
            "prompts",
            "prompt",
            "goal",
            "goals",
            "pairs",
            "occasion",
            "kickoff",
            "close",
            "review",
            "recert",
            "role",
            "connect",
            "series",
            "form");

    /** English words that are not also Dutch words, the English keywords that have a Dutch form, and product words. */
    public static final Set<String> ENGLISH = Set.of(
            // function words
            "the",
            "and",
            "or",
            "to",
            "a",
            "an",
            "you",
            "your",
            "yours",
            "this",
            "that",
            "these",
            "those",
            "with",
            "for",
            "from",
            "not",
            "no",
            "yes",
            "on",
            "off",
            "are",
            "be",
            "will",
            "would",
            "can",
            "could",
            "should",
            "it",
            "its",
            "there",
            "their",
            "they",
            "them",
            "what",
            "which",
            "who",
            "when",
            "where",
            "why",
            "how",
            "please",
            "here",
            "by",
            "if",
            "but",
            "into",
            "about",
            "after",
            "before",
            "until",
            "every",
            "each",
            "never",
            "always",
            "again",
            "something",
            "went",
            "wrong",
            "try",
            "our",
            "my",
            "has",
            "have",
            "only",
            "more",
            "see",
            "show",
            "back",
            // keywords with a Dutch form (Keywords)
            "help",
            "pause",
            "resume",
            "weeks",
            "hours",
            "hour",
            "days",
            "day",
            "theme",
            "themes",
            "language",
            "tz",
            "zone",
            "reminders",
            "reminder",
            "forget",
            "delete",
            "anyway",
            "confirm",
            // product and chat words
            "thread",
            "threads",
            "answer",
            "answers",
            "question",
            "questions",
            "guild",
            "guilds",
            "digest",
            "digests",
            "schedule",
            "schedules",
            "unschedule",
            "skip",
            "prompt",
            "prompts",
            "goal",
            "goals",
            "pairs",
            "occasion",
            "series",
            "connect",
            "create",
            "join",
            "leave",
            "lead",
            "leads",
            "channel",
            "channels",
            "add",
            "remove",
            "form",
            "kickoff",
            "close",
            "review",
            "recert",
            "role",
            "at",
            "page",
            "request",
            "bad",
            "error",
            "expired",
            "colleague",
            "colleagues",
            "member",
            "members",
            "settings",
            "button",
            "moments",
            "weekly",
            "time",
            "times",
            "exports",
            "export.md",
            // the web pages' words (page.*)
            "up",
            "period",
            "responding",
            "responded",
            "edited",
            "person",
            "took",
            "numbers",
            "everything",
            "anyone",
            "read",
            "deleted",
            "gone",
            "too",
            "reflection",
            "people",
            "posted",
            "planned",
            "cancel",
            "submit",
            "save",
            "send",
            "visible",
            // days and months, as a date or schedule written the English way would show them
            "mon",
            "tue",
            "wed",
            "thu",
            "fri",
            "sat",
            "sun",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "weekdays",
            "january",
            "february",
            "march",
            "mar",
            "may",
            "june",
            "july",
            "august",
            "october",
            "oct");

    /**
     * Where a command is shown: after the invocation, "typ" or "gebruik", up to the end of the clause (per line: a
     * message of several lines is read line by line).
     */
    private static final Pattern COMMAND = Pattern.compile(
            "(?:" + INVOCATION + "|(?i:/shoptalk|@shoptalk)"
                    + "|\\b[Tt]yp(?: je precies:)?|\\b[Gg]ebruik:?)\\s+(.*?)(?=[.;!?)](?:\\s|$)| te | om | in | en | als |$)",
            Pattern.MULTILINE);

    private static final Pattern QUOTED = Pattern.compile("\"[^\"\\n]*\"|“[^”\\n]*”");
    /** Ids, zones, addresses, query strings and file names: not words. */
    private static final Pattern NOT_A_WORD = Pattern.compile("\\S*[=/_?@#&]\\S*|\\S+\\.[a-z]+\\b");

    private DutchCheck() {}

    /** The English words in a Dutch text as people read it, in order; empty when there are none. */
    public static List<String> english(String text) {
        return english(text, false);
    }

    /**
     * The English words in a Dutch text; with {@code usageLine}, the whole text is a command (a usage line such as
     * {@code plan DAGEN UU:MM [elke N weken]}). English command words count everywhere but in quotes.
     */
    public static List<String> english(String text, boolean usageLine) {
        List<String> found = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        String prose = "";
        if (usageLine) {
            commands.add(text);
        } else {
            Matcher quoted = QUOTED.matcher(text);
            while (quoted.find()) {
                commands.add(quoted.group());
            }
            prose = QUOTED.matcher(text).replaceAll(" ");
            Matcher m = COMMAND.matcher(prose);
            StringBuilder rest = new StringBuilder();
            while (m.find()) {
                commands.add(m.group(1));
                m.appendReplacement(rest, " ");
            }
            m.appendTail(rest);
            prose = rest.toString();
        }
        for (String word : words(prose)) {
            if (ENGLISH.contains(word)) {
                found.add(word);
            }
        }
        for (String part : commands) {
            boolean echo = part.startsWith("\"") || part.startsWith("“");
            for (String word : words(part)) {
                if (ENGLISH.contains(word) && !(echo && COMMAND_WORDS.contains(word))) {
                    found.add(word);
                }
            }
        }
        return found;
    }

    private static List<String> words(String text) {
        String plain = NOT_A_WORD.matcher(text).replaceAll(" ");
        return Arrays.stream(plain.split("[^\\p{L}'-]+"))
                .map(w -> w.replaceAll("^['-]+|['-]+$", "").toLowerCase(Locale.ROOT))
                .filter(w -> !w.isEmpty())
                .toList();
    }
}
