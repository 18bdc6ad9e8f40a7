package org.shoptalk.core.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.db.Dialect;
import org.shoptalk.core.testing.CoreFixture;

/**
 * Recording an answer asks whose answer came last in the round (issue 13); on H2 that must read one row of the order
 * index however large the round is, not sort the round per answer. The quiet-machine bench of 2026-12-01 found H2
 * scanning the whole round through the foreign key's index, so the cost of an answer doubled over 3,000 answers.
 */
class LatestAnswerPlanTest {
    private static final Pattern SCANS = Pattern.compile("scanCount: (\\d+)");

    @Test
    void finding_the_latest_answer_reads_a_row_or_two_however_many_answers_the_round_has() {
        try (CoreFixture f = CoreFixture.onH2()) {
            f.run("lea", "craft", "guild create Craft lang en tz Europe/Amsterdam");
            f.run("lea", "craft", "moment");
            long round = f.latestRoundId();
            AnswerStore answers = new AnswerStore();
            Instant start = f.clock.instant();
            f.db.useTransaction(h -> {
                for (int i = 0; i < 400; i++) {
                    answers.add(
                            h,
                            round,
                            CoreFixture.channel("craft"),
                            "m" + i,
                            CoreFixture.user("p" + (i % 40)),
                            "answer " + i,
                            null,
                            start.plusSeconds(i));
                }
            });

            for (boolean before : List.of(false, true)) {
                String sql = "EXPLAIN ANALYZE " + AnswerStore.latestSql(Dialect.H2, before);
                Instant place = start.plusSeconds(200);
                List<String> plan = before
                        ? f.db.withHandle(h -> h.query(
                                sql,
                                rs -> rs.getString(1),
                                round,
                                "p1",
                                "local",
                                place,
                                place,
                                1_000_000L,
                                round,
                                place,
                                place,
                                place,
                                1_000_000L))
                        : f.db.withHandle(h -> h.query(sql, rs -> rs.getString(1), round, "p1", "local", round));
                Matcher scans = SCANS.matcher(String.join("\n", plan));
                int most = 0;
                while (scans.find()) {
                    most = Math.max(most, Integer.parseInt(scans.group(1)));
                }
                assertThat(most)
                        .as("rows read at most, before a place: %s\n%s", before, plan)
                        .isBetween(1, 2);
            }
        }
    }
}
