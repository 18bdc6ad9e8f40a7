package org.shoptalk.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.testing.CoreFixture;

/**
 * Values that are also keywords (issue 11): {@code guild create Tz lang en tz America/Santiago} named a guild after
 * nothing and read "lang" as a time zone. Names that hold keywords, quoted names (straight, and the curly quotes
 * phones insert) and quoted texts work; a wrong value after a keyword says how to quote.
 */
class KeywordValuesTest {
    private final CoreFixture f = CoreFixture.onH2();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void a_guild_named_like_a_keyword_gets_its_language_and_zone() {
        assertThat(f.run("lea", "chile", "guild create Tz lang en tz America/Santiago"))
                .contains("Tz")
                .doesNotContain("not a time zone");

        assertThat(f.run("lea", "chile", "guild"))
                .contains("Tz")
                .contains("language en")
                .contains("America/Santiago");
    }

    @Test
    void keywords_inside_an_unquoted_name_stay_in_the_name() {
        f.run("lea", "one", "guild create Team Lang lang en");
        f.run("lea", "two", "guild create Lang of Tz");
        f.run("lea", "three", "guild create Moment of theme tz Europe/Amsterdam");

        assertThat(f.run("lea", "one", "guild")).contains("Team Lang").contains("language en");
        assertThat(f.run("lea", "two", "guild")).contains("Lang of Tz");
        assertThat(f.run("lea", "three", "guild")).contains("Moment of theme").contains("Europe/Amsterdam");
    }

    @Test
    void quoted_names_are_names_with_straight_or_curly_quotes() {
        f.run("lea", "one", "guild create \"Lang Tz\" lang en");
        f.run("lea", "two", "guild create \u201CTeam lang\u201D lang nl tz Europe/Amsterdam");
        f.run("lea", "three", "guild create \u201Etz\u201C");

        assertThat(f.run("lea", "one", "guild")).contains("Lang Tz").contains("language en");
        assertThat(f.run("lea", "two", "guild")).contains("Team lang").contains("taal nl");
        assertThat(f.run("lea", "three", "guild")).contains("tz");
        assertThat(f.count("SELECT COUNT(*) FROM guild")).isEqualTo(3);
    }

    @Test
    void a_wrong_value_after_a_keyword_says_how_to_quote_and_creates_nothing() {
        String reply = f.run("lea", "lobby", "guild create Lang Tz");

        assertThat(reply)
                .contains("\"Tz\" is not a language")
                .contains("If \"Lang\" is part of the name, put the name between double quotes")
                .contains("/shoptalk guild create \"Lang Tz\"");
        assertThat(f.run("lea", "lobby", "guild create Talk tz Mars"))
                .contains("\"Mars\" is not a time zone")
                .contains("/shoptalk guild create \"Talk tz Mars\"");
        assertThat(f.count("SELECT COUNT(*) FROM guild")).isZero();
    }

    @Test
    void a_keyword_typed_twice_is_refused() {
        assertThat(f.run("lea", "lobby", "guild create Craft lang en lang nl")).contains("\"lang\"");
        assertThat(f.count("SELECT COUNT(*) FROM guild")).isZero();
    }

    @Test
    void a_question_and_a_theme_that_hold_keywords_are_values() {
        f.run("lea", "craft", "guild create Craft lang en");

        assertThat(f.run("lea", "craft", "prompt add \u201CWhich theme or tz suits you, and why?\u201D theme craft"))
                .doesNotContain("Use:");
        assertThat(f.run("lea", "craft", "prompts craft")).contains("Which theme or tz suits you, and why?");
        assertThat(f.run("lea", "craft", "schedule mon 09:30 theme \"explore\" tz \"Europe/Amsterdam\""))
                .contains("#1");
        assertThat(f.run("lea", "craft", "anon \"delete\"")).doesNotContain("Use:");
    }
}
