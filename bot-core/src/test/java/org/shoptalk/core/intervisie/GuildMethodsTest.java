package org.shoptalk.core.intervisie;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.TestDatabases;

/**
 * A guild's own intervisie method by command (issue 15, section 1; docs/intervisie.md#a-guilds-own-methods): a lead
 * pastes it, it is checked by the built-in file's rules with the problem said in the guild's language, listed, run
 * like any other, and removed only when no session is using it.
 */
class GuildMethodsTest {
    private final CoreFixture f = CoreFixture.on(TestDatabases.h2(), CoreFixture.MONDAY_MORNING);

    @AfterEach
    void close() {
        f.close();
    }

    /** A fishbowl method as a lead would paste it: case, questions, an inner circle round, takeaways. */
    static String fishbowl(int roundHours) {
        return """
                {
                  "id": "fishbowl",
                  "dimensions": ["normative"],
                  "words": {"en": ["fishbowl"], "nl": ["vissenkom"]},
                  "name": {"en": "Fishbowl", "nl": "Vissenkom"},
                  "summary": {"en": "an inner circle talks, the case-bringer listens", "nl": "een binnenkring praat, de inbrenger luistert"},
                  "phases": [
                    {"kind": "case", "speaker": "bringer", "hours": 24,
                     "name": {"en": "The case", "nl": "De casus"}, "line": {"en": "Tell it.", "nl": "Vertel het."}},
                    {"kind": "questions", "speaker": "all", "hours": 24,
                     "name": {"en": "Questions", "nl": "Vragen"}, "line": {"en": "Ask only.", "nl": "Alleen vragen."}},
                    {"kind": "round", "speaker": "group", "hours": %d,
                     "name": {"en": "Inner circle", "nl": "Binnenkring"}, "line": {"en": "Talk; the case-bringer listens.", "nl": "Praat; de inbrenger luistert."}},
                    {"kind": "takeaway", "speaker": "all", "hours": 24,
                     "name": {"en": "Takeaways", "nl": "Wat neem je mee"}, "line": {"en": "What do you take?", "nl": "Wat neem je mee?"}}
                  ]
                }
                """.formatted(roundHours);
    }

    @Test
    void a_lead_adds_a_method_it_is_listed_and_a_session_with_it_runs_from_case_to_takeaways() {
        IntervisieThread.guild(f, "en", "ann", "bob");
        assertThat(f.run("lea", "craft", "intervisie method add ```\n" + fishbowl(12) + "\n```"))
                .contains("Added Fishbowl to this guild's intervisie methods")
                .contains("intervisie fishbowl");
        assertThat(f.run("ann", "craft", "intervisie methods"))
                .contains("intervisie incident - Incident method")
                .contains("intervisie fishbowl - Fishbowl: an inner circle talks")
                .contains("(this guild's own, id fishbowl)");

        IntervisieThread s = IntervisieThread.bring(f, "ann", "fishbowl");
        assertThat(s.opening()).contains("Fishbowl").contains("Phase 1 of 4: The case");
        s.say("lea", "join");
        s.say("bob", "join");
        s.say("ann", "A colleague keeps taking over my clients.");
        assertThat(s.answer("ann", "next")).contains("Phase 2 of 4: Questions");
        s.say("bob", "What did you say to them?");
        assertThat(s.answer("ann", "next")).contains("Phase 3 of 4: Inner circle");
        assertThat(s.answer("ann", "Well, I think...")).contains("Ann, in this phase you listen");
        s.say("lea", "It sounds like nobody agreed on who owns a client.");
        assertThat(f.run("lea", "craft", "intervisie method remove fishbowl"))
                .contains("in use by intervisie #" + s.id);
        f.restart();
        s.deadline();
        assertThat(s.lastLine()).contains("Phase 4 of 4: Takeaways");
        s.say("ann", "I will ask who owns a client.");
        s.deadline();
        assertThat(s.state()).isEqualTo("FINISHED");

        assertThat(f.run("lea", "craft", "intervisie methode weghalen fishbowl"))
                .contains("Removed the method fishbowl");
        assertThat(f.run("ann", "craft", "intervisie methods")).doesNotContain("Fishbowl");
        assertThat(f.run("ann", "craft", "intervisie fishbowl")).contains("\"fishbowl\" is not an intervisie method");
        // The record keeps the session, named as the guild named the method it has removed since.
        assertThat(f.run("ann", null, "record"))
                .contains("Fishbowl #" + s.id + ": case-bringer")
                .contains("1 takeaway");
    }

    @Test
    void a_bad_method_is_refused_naming_method_phase_and_field_in_english_and_in_dutch() {
        IntervisieThread.guild(f, "en");
        assertThat(f.run("lea", "craft", "intervisie method add " + fishbowl(0)))
                .isEqualTo("Nothing was added. Intervisie method 1 (fishbowl), phase 3: hours must be a whole number"
                        + " from 1 to 168.");
        f.run("lea", "vak", "guild create Vak lang nl");
        assertThat(f.run("lea", "vak", "intervisie methode toevoegen " + fishbowl(0)))
                .isEqualTo("Er is niets toegevoegd. Intervisiemethode 1 (fishbowl), fase 3: hours moet een heel getal"
                        + " van 1 tot en met 168 zijn.");
        assertThat(f.run(
                        "lea",
                        "vak",
                        "intervisie methode toevoegen " + fishbowl(12).replace("\"line\"", "\"regel\"")))
                .startsWith("Er is niets toegevoegd. Intervisiemethode 1 (fishbowl), fase 1: onbekend veld \"regel\"");
        assertThat(f.run(
                        "lea",
                        "vak",
                        "intervisie methode toevoegen " + fishbowl(12).replace("[\"vissenkom\"]", "[\"incident\"]")))
                .contains("\"incident\" en \"fishbowl\" heten allebei \"incident\" in nl");
        assertThat(f.run("lea", "vak", "intervisie methode toevoegen {\"id\": "))
                .contains("geen geldige JSON");
        assertThat(f.count("SELECT COUNT(*) FROM intervisie_method")).isZero();
    }

    @Test
    void only_a_lead_adds_or_removes_and_built_in_methods_stay() {
        IntervisieThread.guild(f, "en", "ann");
        String before = f.stored();
        assertThat(f.run("ann", "craft", "intervisie method add " + fishbowl(12)))
                .contains("Only leads of Craft can do that");
        assertThat(f.stored()).isEqualTo(before);
        assertThat(f.count("SELECT COUNT(*) FROM intervisie_method")).isZero();
        assertThat(f.run("lea", "craft", "intervisie method remove incident")).contains("is a built-in method");
        assertThat(f.run("lea", "craft", "intervisie method remove nothing")).contains("no method of its own");
        assertThat(f.run("lea", "craft", "intervisie method add")).contains("Paste the method after the command");
        f.run("lea", "craft", "intervisie method add " + fishbowl(12));
        assertThat(f.run("ann", "craft", "intervisie method remove fishbowl")).contains("Only leads");
        assertThat(f.count("SELECT COUNT(*) FROM intervisie_method")).isEqualTo(1);
    }
}
