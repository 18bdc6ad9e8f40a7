package org.shoptalk.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.DutchCheck;

/**
 * Issue 12, "Dutch everywhere": every command and sub-command has a Dutch word, typed beside the English one with the
 * same result, shown in a Dutch guild's usage lines and help, and no word means two things.
 */
class DutchCommandWordsTest {
    /** Words that are Dutch as they are: a Dutch usage line may start with the English word. */
    private static final Set<String> SAME_IN_DUTCH = Set.of("moment", "intervisie");

    private final CommandParser parser = new CommandParser();
    private CoreFixture f;

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    /** One line per form, in English and as a Dutch guild types it. */
    record Example(Syntax syntax, String english, String dutch) {
        @Override
        public String toString() {
            return syntax + ": " + dutch;
        }
    }

    static Stream<Example> examples() {
        return Stream.of(
                new Example(Syntax.HELP, "help", "hulp"),
                new Example(
                        Syntax.GUILD_CREATE,
                        "guild create Vakwerk lang nl tz Europe/Amsterdam",
                        "gilde start Vakwerk taal nl tijdzone Europe/Amsterdam"),
                new Example(Syntax.GUILD_INFO, "guild", "gilde"),
                new Example(Syntax.GUILD_JOIN, "guild join", "gilde meedoen"),
                new Example(Syntax.GUILD_LEAVE, "guild leave", "gilde verlaten"),
                new Example(Syntax.GUILD_LEAD_ADD, "guild lead add <@U2>", "gilde trekker toevoegen <@U2>"),
                new Example(Syntax.GUILD_CHANNEL_ADD, "guild channel add", "gilde kanaal toevoegen"),
                new Example(Syntax.GUILD_CHANNEL_REMOVE, "guild channel remove", "gilde kanaal weghalen"),
                new Example(Syntax.GUILD_RETENTION, "guild retention 12 months", "gilde bewaartermijn 12 maanden"),
                new Example(Syntax.GUILD_ANONYMITY, "guild anonymity 4", "gilde anonimiteit 4"),
                new Example(
                        Syntax.SCHEDULE,
                        "schedule mon,wed 09:30 every 2 weeks tz Europe/Amsterdam theme dialogue anyway",
                        "plan ma,wo 09:30 elke 2 weken tijdzone Europe/Amsterdam thema dialoog toch"),
                new Example(Syntax.SCHEDULE_FORM, "schedule form", "plan formulier"),
                new Example(
                        Syntax.SCHEDULE_AT,
                        "schedule at 2027-01-04 10:00 tz UTC theme craft",
                        "plan op 2027-01-04 10:00 tijdzone UTC thema vak"),
                new Example(Syntax.SCHEDULES, "schedules", "rooster"),
                new Example(Syntax.PAUSE, "pause 2 until 2027-01-01", "pauzeer 2 tot 2027-01-01"),
                new Example(Syntax.RESUME, "resume 2", "hervat 2"),
                new Example(Syntax.UNSCHEDULE, "unschedule 2", "schrap 2"),
                new Example(Syntax.SKIP, "skip 2026-12-21..2027-01-03", "overslaan 2026-12-21..2027-01-03"),
                new Example(Syntax.MOMENT, "moment dialogue", "moment dialoog"),
                new Example(Syntax.DIGEST, "digest", "overzicht"),
                new Example(Syntax.DIGEST_AT, "digest at fri 16:00", "overzicht op vr 16:00"),
                new Example(Syntax.PROMPTS, "prompts craft", "vragen vak"),
                new Example(
                        Syntax.PROMPT_ADD,
                        "prompt add \"Wat leerde je?\" theme craft",
                        "vraag toevoegen \"Wat leerde je?\" thema vak"),
                new Example(Syntax.REMINDERS, "reminders light", "herinneringen licht"),
                new Example(Syntax.QUIET_HOURS, "quiet hours 18:00-08:00 weekends", "rusttijden 18:00-08:00 weekend"),
                new Example(Syntax.FORGET_ME, "forget me confirm", "vergeet mij bevestig"),
                new Example(Syntax.GOAL, "goal", "doel"),
                new Example(Syntax.GOALS, "goals", "doelen"),
                new Example(Syntax.ANON, "anon delete", "anoniem verwijder"),
                new Example(Syntax.PAIRS, "pairs on", "koppels aan"),
                new Example(Syntax.PAIRS_CHECKIN, "pairs not yet 12", "koppels nog niet 12"),
                new Example(Syntax.OCCASION, "occasion kickoff 2027-01-04", "gelegenheid projectstart 2027-01-04"),
                new Example(Syntax.CONNECT, "connect after 24 hours", "verbind na 24 uur"),
                new Example(Syntax.PAIRS_EVERY, "pairs every 2 weeks", "koppels elke 2 weken"),
                new Example(Syntax.SERIES, "series dialogue 4 mon 09:30", "reeks dialoog 4 ma 09:30"),
                new Example(Syntax.INTERVISIE, "intervision incident", "intervisie incident"),
                new Example(Syntax.INTERVISIE_ACT, "intervisie next 3", "intervisie volgende 3"),
                new Example(Syntax.INTERVISIE_ACT, "intervisie share 3", "intervisie delen 3"),
                new Example(Syntax.INTERVISIE_METHOD, "intervisie methods", "intervisie methodes"),
                new Example(
                        Syntax.INTERVISIE_METHOD,
                        "intervisie method remove casus",
                        "intervisie methode weghalen casus"),
                new Example(Syntax.RECORD, "record normative", "dossier normatief"),
                new Example(
                        Syntax.RECORD_EXPORT,
                        "record export 2026-01-01..2026-06-30 personal",
                        "dossier exporteer 2026-01-01..2026-06-30 persoonlijk"),
                new Example(Syntax.RECORD_TIME, "record time 3 45", "dossier tijd 3 45"));
    }

    /** The occasions, by their Dutch words (dialogue/Occasion). */
    static Stream<Example> occasions() {
        return Stream.of(
                new Example(Syntax.OCCASION, "occasion kickoff", "gelegenheid projectstart"),
                new Example(Syntax.OCCASION, "occasion close", "gelegenheid afronding"),
                new Example(Syntax.OCCASION, "occasion review", "gelegenheid jaargesprek"),
                new Example(Syntax.OCCASION, "occasion recert", "gelegenheid herregistratie"),
                new Example(Syntax.OCCASION, "occasion role", "gelegenheid rol"));
    }

    @Test
    void the_table_covers_every_command_form() {
        assertThat(examples().map(Example::syntax).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Syntax.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"examples", "occasions"})
    void a_dutch_command_means_the_same_as_the_english_one(Example e) {
        Command english = parser.parse(e.english());
        Command dutch = parser.parse(e.dutch());

        assertThat(dutch).isEqualTo(english);
        // Capitals as a phone types them, too.
        assertThat(parser.parse(capitalised(e.dutch()))).isEqualTo(english);
    }

    /** The Dutch usage line is one a Dutch guild can type: it starts with the Dutch words of the English form. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void each_dutch_usage_line_starts_with_dutch_words_for_the_english_ones(Example e) {
        String usage = e.syntax().usage(Language.NL);
        String first = usage.split(" ", -1)[0];
        String englishFirst = e.syntax().form().split(" ", -1)[0];

        assertThat(Keywords.english(first)).isEqualTo(englishFirst);
        if (!SAME_IN_DUTCH.contains(first)) {
            assertThat(first).as("the Dutch word of " + englishFirst).isNotEqualTo(englishFirst);
        }
        assertThat(DutchCheck.english(usage, true)).as(usage).isEmpty();
        assertThat(e.dutch().split(" ", -1)[0]).isEqualTo(first);
    }

    @Test
    void no_dutch_word_is_an_english_keyword_and_no_two_commands_share_a_word_in_either_language() {
        Map<String, String> dutch = Keywords.dutch();
        Set<String> englishKeywords = new HashSet<>(dutch.values());
        for (Syntax s : Syntax.values()) {
            Arrays.stream(s.form().split("[ |\\[\\]]+"))
                    .filter(w -> w.matches("[a-z]+"))
                    .forEach(englishKeywords::add);
        }
        assertThat(dutch.keySet())
                .as("Dutch words that are also English keywords")
                .doesNotContainAnyElementsOf(englishKeywords);

        // The first word of each form, in English and in Dutch: one command word never leads to two commands.
        Map<String, String> commandOfWord = new HashMap<>();
        for (Syntax s : Syntax.values()) {
            String english = s.form().split(" ", -1)[0];
            String nl = s.usage(Language.NL).split(" ", -1)[0];
            for (String word : List.of(english, nl)) {
                String before = commandOfWord.putIfAbsent(word, english);
                assertThat(before == null || before.equals(english))
                        .as(word + " names both " + before + " and " + english)
                        .isTrue();
            }
        }
        assertThat(commandOfWord.keySet()).hasSizeGreaterThan(40);
    }

    @Test
    void help_in_a_dutch_guild_names_every_command_by_its_dutch_words() {
        f = CoreFixture.onH2();
        f.run("ann", "craft", "gilde start Vakwerk taal nl");

        String help = f.run("ann", "craft", "hulp");

        Map<Syntax, String> missing = new EnumMap<>(Syntax.class);
        for (Syntax s : Syntax.values()) {
            if (!help.contains("/shoptalk " + s.usage(Language.NL))) {
                missing.put(s, s.usage(Language.NL));
            }
        }
        assertThat(missing).as("Dutch usage lines missing from the help").isEmpty();
        assertThat(DutchCheck.english(help)).as(help).isEmpty();
        assertThat(help).doesNotContain("/shoptalk guild").doesNotContain("/shoptalk schedule");
    }

    /** The same guild, asked the same thing in both languages, answers the same. */
    @Test
    void a_dutch_guild_gets_the_same_answers_to_dutch_words_as_to_english_ones() {
        f = CoreFixture.onH2();
        assertThat(f.run("ann", "craft", "gilde start Vakwerk taal nl")).contains("Vakwerk");
        assertThat(f.run("bob", "craft", "gilde meedoen")).contains("Welkom bij Vakwerk");
        assertThat(f.run("ann", "craft", "plan ma 09:30")).contains("#1");
        assertThat(f.run("ann", "craft", "overzicht op vr 16:00")).contains("16:00");

        List<List<String>> pairs = List.of(
                List.of("guild", "gilde"),
                List.of("schedules", "rooster"),
                List.of("prompts", "vragen"),
                List.of("prompts craft", "vragen vak"),
                List.of("goals", "doelen"),
                List.of("reminders", "herinneringen"),
                List.of("quiet hours", "rusttijden"),
                List.of("intervisie", "intervisie"),
                List.of("help", "hulp"));
        for (List<String> pair : pairs) {
            assertThat(f.run("bob", "craft", pair.get(1)))
                    .as(pair.get(1))
                    .isEqualTo(f.run("bob", "craft", pair.get(0)));
        }
        assertThat(f.run("ann", "craft", "schrap 1")).contains("#1");
        assertThat(f.run("ann", "craft", "rooster")).doesNotContain("#1");
        assertThat(f.run("bob", "craft", "gilde verlaten")).contains("Vakwerk");
    }

    private static String capitalised(String line) {
        return line.substring(0, 1).toUpperCase(Locale.ROOT) + line.substring(1);
    }
}
