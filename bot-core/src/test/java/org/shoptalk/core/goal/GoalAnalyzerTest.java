package org.shoptalk.core.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.goal.Marker.Kind;
import org.shoptalk.core.i18n.Language;

class GoalAnalyzerTest {
    /*
     * Three sets, each written and committed before it was run. The rules were tuned on the first two (63/63 and
     * 49/50 when this was written), so those scores flatter them; the held-out set was written after the rules were
     * frozen and measures how they do on statements they have never seen (32/40 when this was written). Each
     * threshold sits just under the measured score, so a change that makes the rules worse fails here.
     */
    private static final double MINIMUM_ACCURACY = 0.95;
    private static final double MINIMUM_HELD_OUT_ACCURACY = 0.775;

    private final GoalAnalyzer analyzer = new GoalAnalyzer();

    record Labelled(String lang, String text, Verdict verdict) {
        Language language() {
            return Language.parse(lang).orElseThrow();
        }
    }

    @Test
    void labelled_goal_statements_get_the_right_verdict_often_enough() throws IOException {
        double accuracy = accuracy("labelled", labelledSet());
        assertThat(labelledSet()).hasSizeGreaterThanOrEqualTo(48);
        assertThat(accuracy).isGreaterThanOrEqualTo(MINIMUM_ACCURACY);
    }

    @Test
    void second_set_gets_the_right_verdict_often_enough() throws IOException {
        double accuracy = accuracy("second", read("labelled-goals-round2.json"));
        assertThat(accuracy).isGreaterThanOrEqualTo(MINIMUM_ACCURACY);
    }

    @Test
    void held_out_statements_get_the_right_verdict_often_enough() throws IOException {
        double accuracy = accuracy("held-out", read("labelled-goals-holdout.json"));
        assertThat(accuracy).isGreaterThanOrEqualTo(MINIMUM_HELD_OUT_ACCURACY);
    }

    private double accuracy(String name, List<Labelled> set) {
        List<String> wrong = new ArrayList<>();
        for (Labelled l : set) {
            GoalAnalysis a = analyzer.analyze(l.text(), l.language());
            if (a.verdict() != l.verdict()) {
                wrong.add(String.format(
                        Locale.ROOT,
                        "  [%s] expected %s, got %s: \"%s\" %s",
                        l.lang(),
                        l.verdict(),
                        a.verdict(),
                        l.text(),
                        a.markers()));
            }
        }
        double accuracy = (set.size() - wrong.size()) / (double) set.size();
        System.out.printf(
                Locale.ROOT,
                "Goal analysis, %s set: %d of %d right, accuracy %.3f%n",
                name,
                set.size() - wrong.size(),
                set.size(),
                accuracy);
        wrong.forEach(System.out::println);
        return accuracy;
    }

    @Test
    void labelled_set_covers_every_verdict_in_both_languages() throws IOException {
        List<Labelled> set = labelledSet();
        for (Language lang : Language.values()) {
            for (Verdict v : Verdict.values()) {
                assertThat(set)
                        .as("%s statements labelled %s", lang, v)
                        .filteredOn(l -> l.language() == lang && l.verdict() == v)
                        .hasSizeGreaterThanOrEqualTo(6);
            }
        }
    }

    @Test
    void a_percentage_within_a_time_limit_is_a_criterion() {
        GoalAnalysis a = analyzer.analyze("90% of tickets closed within 2 days", Language.EN);

        assertThat(a.verdict()).isEqualTo(Verdict.CRITERION);
        assertThat(a.targetGroup()).isNull();
        assertThat(a.markers())
                .extracting(Marker::kind, Marker::text)
                .contains(tuple(Kind.PERCENTAGE_OR_COUNT, "90%"), tuple(Kind.TIME_LIMIT, "within 2 days"));
        assertThat(a.followUps()).contains("For whom are you doing this? Who should notice the difference?");
    }

    @Test
    void dutch_percentage_within_working_days_is_a_criterion() {
        GoalAnalysis a = analyzer.analyze("90 procent van de tickets binnen 2 werkdagen gesloten", Language.NL);

        assertThat(a.verdict()).isEqualTo(Verdict.CRITERION);
        assertThat(a.markers())
                .extracting(Marker::kind, Marker::text)
                .contains(tuple(Kind.PERCENTAGE_OR_COUNT, "90 procent"), tuple(Kind.TIME_LIMIT, "binnen 2 werkdagen"));
        assertThat(a.followUps()).contains("Voor wie doe je dit? Wie moet het verschil merken?");
    }

    @Test
    void a_share_of_a_target_group_is_a_criterion_not_a_result() {
        GoalAnalysis a = analyzer.analyze("80% of our customers can solve their problem themselves", Language.EN);

        assertThat(a.verdict()).isEqualTo(Verdict.CRITERION);
        assertThat(a.targetGroup()).isEqualTo("customers");
        assertThat(a.followUps()).contains("What will be different for customers once this works?");
    }

    @Test
    void training_everyone_is_a_means() {
        GoalAnalysis a = analyzer.analyze("Train everyone in the new incident process", Language.EN);

        assertThat(a.verdict()).isEqualTo(Verdict.MEANS);
        assertThat(a.targetGroup()).isNull();
        assertThat(a.markers())
                .extracting(Marker::kind, Marker::text)
                .contains(tuple(Kind.TRAINING, "Train"), tuple(Kind.STAFF, "everyone"));
        assertThat(a.followUps()).first().asString().startsWith("After the training");
    }

    @Test
    void dutch_course_for_all_teachers_is_a_means() {
        GoalAnalysis a = analyzer.analyze("Iedereen volgt voor de zomer de cursus omgaan met agressie", Language.NL);

        assertThat(a.verdict()).isEqualTo(Verdict.MEANS);
        assertThat(a.markers()).extracting(Marker::kind).contains(Kind.TRAINING, Kind.DEADLINE, Kind.STAFF);
    }

    @Test
    void customers_getting_on_with_their_work_is_a_result_for_customers() {
        GoalAnalysis a =
                analyzer.analyze("customers can get on with their work quickly after reporting a problem", Language.EN);

        assertThat(a.verdict()).isEqualTo(Verdict.RESULT_FOR_TARGET_GROUP);
        assertThat(a.targetGroup()).isEqualTo("customers");
        assertThat(a.markers())
                .extracting(Marker::kind, Marker::text)
                .contains(tuple(Kind.TARGET_GROUP, "customers"), tuple(Kind.RESULT_VERB, "can"));
        assertThat(a.followUps()).contains("Which value is behind this goal? Think of trust, independence or safety.");
    }

    @Test
    void dutch_customers_getting_on_with_their_work_is_a_result_for_klanten() {
        GoalAnalysis a = analyzer.analyze(
                "Klanten kunnen na het melden van een probleem snel weer verder met hun werk", Language.NL);

        assertThat(a.verdict()).isEqualTo(Verdict.RESULT_FOR_TARGET_GROUP);
        assertThat(a.targetGroup()).isEqualTo("klanten");
        assertThat(a.followUps())
                .contains("Welke waarde zit achter dit doel? Denk aan vertrouwen, zelfstandigheid of veiligheid.");
    }

    @Test
    void a_means_that_says_what_it_is_for_is_a_result_for_the_group_after_so_that() {
        GoalAnalysis en =
                analyzer.analyze("Introduce a parent portal so that parents see how their child is doing", Language.EN);
        GoalAnalysis nl = analyzer.analyze(
                "We voeren een ouderportaal in zodat ouders zien hoe het met hun kind gaat", Language.NL);

        assertThat(en.verdict()).isEqualTo(Verdict.RESULT_FOR_TARGET_GROUP);
        assertThat(en.targetGroup()).isEqualTo("parents");
        assertThat(nl.verdict()).isEqualTo(Verdict.RESULT_FOR_TARGET_GROUP);
        assertThat(nl.targetGroup()).isEqualTo("ouders");
    }

    @Test
    void a_budget_cut_is_a_means_even_with_a_percentage_and_says_it_is_a_limit() {
        GoalAnalysis en = analyzer.analyze("Reduce printing costs by 20% this year", Language.EN);
        GoalAnalysis nl = analyzer.analyze("We moeten 10 procent bezuinigen op de inhuur", Language.NL);

        assertThat(en.verdict()).isEqualTo(Verdict.MEANS);
        assertThat(en.markers()).extracting(Marker::kind).contains(Kind.BUDGET_CUT, Kind.PERCENTAGE_OR_COUNT);
        assertThat(en.followUps().get(0)).startsWith("A saving sets a limit on the means");
        assertThat(nl.verdict()).isEqualTo(Verdict.MEANS);
        assertThat(nl.followUps().get(0)).startsWith("Een besparing begrenst de middelen");
    }

    @Test
    void a_deadline_in_a_year_is_a_deadline_not_a_count() {
        GoalAnalysis a = analyzer.analyze("Alle dossiers zijn in 2027 digitaal", Language.NL);

        assertThat(a.markers())
                .extracting(Marker::kind, Marker::text)
                .containsExactly(tuple(Kind.MEASURE, "dossiers"), tuple(Kind.DEADLINE, "in 2027"));
        assertThat(a.verdict()).isEqualTo(Verdict.CRITERION);
    }

    @Test
    void a_group_without_what_changes_for_it_is_unclear_and_asks_what_changes() {
        GoalAnalysis a = analyzer.analyze("Good care for our patients", Language.EN);

        assertThat(a.verdict()).isEqualTo(Verdict.UNCLEAR);
        assertThat(a.targetGroup()).isEqualTo("patients");
        assertThat(a.followUps()).first().isEqualTo("What will be different for patients once this works?");
    }

    @Test
    void a_value_word_is_named_back_in_the_follow_up() {
        GoalAnalysis a = analyzer.analyze("Meer eigenaarschap", Language.NL);

        assertThat(a.verdict()).isEqualTo(Verdict.UNCLEAR);
        assertThat(a.followUps()).contains("Je noemt eigenaarschap. Waaraan zie je dat in het dagelijkse werk?");
    }

    @Test
    void a_result_asks_for_the_value_first_then_signs_and_limits() {
        GoalAnalysis a = analyzer.analyze("Parents feel welcome to drop by", Language.EN);

        assertThat(a.followUps())
                .containsExactly(
                        "Which value is behind this goal? Think of trust, independence or safety.",
                        "How will you notice it is happening? Name one or two signs your team picks itself, and why those.",
                        "What must be prevented on the way there, for example a budget ceiling or a rule you share?");
    }

    @Test
    void the_team_itself_can_be_the_target_group_but_not_of_a_production_figure() {
        GoalAnalysis welcome = analyzer.analyze("New colleagues feel welcome from their first day", Language.EN);
        GoalAnalysis production = analyzer.analyze("Our team can close 20 tickets a day", Language.EN);
        GoalAnalysis dutch = analyzer.analyze("Nieuwe collega's voelen zich vanaf de eerste dag welkom", Language.NL);

        assertThat(welcome.verdict()).isEqualTo(Verdict.RESULT_FOR_TARGET_GROUP);
        assertThat(welcome.targetGroup()).isEqualTo("colleagues");
        assertThat(production.verdict()).isEqualTo(Verdict.CRITERION);
        assertThat(dutch.verdict()).isEqualTo(Verdict.RESULT_FOR_TARGET_GROUP);
        assertThat(dutch.targetGroup()).isEqualTo("collega's");
    }

    @Test
    void a_slogan_about_a_group_stays_unclear() {
        assertThat(analyzer.analyze("Our residents come first", Language.EN).verdict())
                .isEqualTo(Verdict.UNCLEAR);
        assertThat(analyzer.analyze("Onze klanten staan centraal", Language.NL).verdict())
                .isEqualTo(Verdict.UNCLEAR);
        assertThat(analyzer.analyze("Older residents stay in their own homes longer", Language.EN)
                        .verdict())
                .isEqualTo(Verdict.RESULT_FOR_TARGET_GROUP);
    }

    @Test
    void markers_come_in_the_order_of_the_text_and_a_system_keeps_its_words_from_the_group_list() {
        GoalAnalysis a = analyzer.analyze("Implement the electronic patient record on every ward by Q3", Language.EN);

        assertThat(a.markers())
                .extracting(Marker::kind, Marker::text)
                .containsExactly(
                        tuple(Kind.IMPLEMENTATION, "Implement"),
                        tuple(Kind.TOOL_OR_SYSTEM, "electronic patient record"),
                        tuple(Kind.DEADLINE, "by Q3"));
        assertThat(a.verdict()).isEqualTo(Verdict.MEANS);
        assertThat(a.targetGroup()).isNull();
    }

    @Test
    void one_analyzer_gives_the_same_answers_from_many_threads() throws Exception {
        List<Labelled> set = labelledSet();
        List<GoalAnalysis> expected =
                set.stream().map(l -> analyzer.analyze(l.text(), l.language())).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<GoalAnalysis>>> runs = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                runs.add(pool.submit(() -> set.stream()
                        .map(l -> analyzer.analyze(l.text(), l.language()))
                        .toList()));
            }
            for (Future<List<GoalAnalysis>> run : runs) {
                assertThat(run.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void empty_or_whitespace_text_is_unclear_and_asks_for_the_goal() {
        for (Language lang : Language.values()) {
            for (String text : new String[] {"", "   \n\t ", null}) {
                GoalAnalysis a = analyzer.analyze(text, lang);
                assertThat(a.verdict()).isEqualTo(Verdict.UNCLEAR);
                assertThat(a.targetGroup()).isNull();
                assertThat(a.markers()).isEmpty();
                assertThat(a.followUps()).hasSize(1);
            }
        }
        assertThat(analyzer.analyze(" ", Language.EN).followUps().get(0))
                .startsWith("What is your team working towards?");
        assertThat(analyzer.analyze(" ", Language.NL).followUps().get(0)).startsWith("Waar werkt je team naartoe?");
    }

    @Test
    void every_verdict_gets_follow_ups_in_the_language_asked_without_unfilled_placeholders() throws IOException {
        for (Labelled l : labelledSet()) {
            GoalAnalysis a = analyzer.analyze(l.text(), l.language());
            assertThat(a.followUps())
                    .as(l.text())
                    .isNotEmpty()
                    .hasSizeLessThanOrEqualTo(4)
                    .noneMatch(q -> q.contains("{") || q.contains("}"));
            if (l.language() == Language.NL) {
                assertThat(a.followUps()).as(l.text()).noneMatch(q -> q.contains(" the ") || q.startsWith("What"));
            }
        }
    }

    private static List<Labelled> labelledSet() throws IOException {
        return read("labelled-goals.json");
    }

    private static List<Labelled> read(String resource) throws IOException {
        try (InputStream in = GoalAnalyzerTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("%s on the test class path", resource).isNotNull();
            return new ObjectMapper().readValue(in, new TypeReference<List<Labelled>>() {});
        }
    }
}
