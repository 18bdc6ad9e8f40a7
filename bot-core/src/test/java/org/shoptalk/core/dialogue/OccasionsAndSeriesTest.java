package org.shoptalk.core.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.prompt.PromptLibrary;
import org.shoptalk.core.prompt.Theme;
import org.shoptalk.core.task.Task;
import org.shoptalk.core.testing.CoreFixture;

class OccasionsAndSeriesTest {
    private final CoreFixture f = CoreFixture.onH2();

    @AfterEach
    void close() {
        f.close();
    }

    private List<String> ids(String sql) {
        return f.db.withHandle(h -> h.query(sql, rs -> rs.getString(1)));
    }

    @Test
    void anyone_in_the_guild_can_start_a_kick_off_series_of_three_pinned_questions() {
        f.run("lea", "craft", "guild create Craft");
        f.run("ann", "craft", "guild join");
        String reply = f.run("ann", "craft", "occasion kickoff 2026-12-01");
        assertThat(reply)
                .contains("three moments")
                .contains("project kick-off")
                .contains("Tue, Dec 1, 2026, 09:30")
                .contains("Thu, Dec 3, 2026, 09:30")
                .as("five working days after the start, not a Sunday")
                .contains("Tue, Dec 8, 2026, 09:30");
        assertThat(ids("SELECT prompt_id FROM schedule ORDER BY id"))
                .containsExactly("goals-01", "means-05", "dialogue-01");

        f.clock.set(Instant.parse("2026-12-01T08:30:00Z"));
        f.core().runTask(new Task.Moment(1), f.clock.instant());
        assertThat(f.chat.last().text())
                .contains(PromptLibrary.builtIn().byId("goals-01").orElseThrow().textEn());
        assertThat(f.run("ann", "craft", "occasion wedding"))
                .contains("not an occasion")
                .contains("Use: /shoptalk occasion");
    }

    @Test
    void a_series_walks_its_theme_in_order_and_then_ends() {
        f.run("lea", "craft", "guild create Craft");
        assertThat(f.run("lea", "craft", "series explore 3 tue 10:00"))
                .contains("3 weekly moments")
                .contains("Tue, Nov 24, 2026, 10:00");
        List<String> expected = PromptLibrary.builtIn().byTheme(Theme.EXPLORE).subList(0, 3).stream()
                .map(p -> p.textEn())
                .toList();
        Instant[] tuesdays = {
            Instant.parse("2026-11-24T09:00:00Z"),
            Instant.parse("2026-12-01T09:00:00Z"),
            Instant.parse("2026-12-08T09:00:00Z")
        };
        for (int i = 0; i < 3; i++) {
            f.clock.set(tuesdays[i]);
            f.core().runTask(new Task.Moment(1), tuesdays[i]);
            assertThat(f.chat.last().text()).contains(expected.get(i));
        }
        assertThat(f.run("lea", "craft", "schedules")).contains("Nothing planned");
        assertThat(f.run("ann", "craft", "series explore 3 tue 10:00")).contains("Only leads");
    }
}
