package org.shoptalk.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.task.Task;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.FakeChatPlatform;

/** A scheduled digest lands once in every channel, also when its run is retried or recovered after a crash. */
class ScheduledDigestTest {
    private static final Instant FRIDAY = Instant.parse("2026-11-27T15:00:00Z");
    private final CoreFixture f = CoreFixture.onH2();

    @BeforeEach
    void guildInTwoChannels() {
        f.run("lea", "craft", "guild create Craft");
        f.run("lea", "craft-north", "guild channel add");
        f.run("lea", "craft", "moment");
        f.reply("craft", f.latestRoundThread("craft"), "ann", "A thought for the week.");
        f.clock.set(FRIDAY);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private List<FakeChatPlatform.Sent> digests(String channel) {
        return f.chat.topLevel(channel).stream()
                .filter(s -> s.text().contains("This week in Craft"))
                .toList();
    }

    @Test
    void a_retried_digest_run_posts_nothing_more() {
        f.core().runTask(new Task.Digest(1), FRIDAY);
        f.core().runTask(new Task.Digest(1), FRIDAY);
        assertThat(digests("craft")).hasSize(1);
        assertThat(digests("craft-north")).hasSize(1);
        assertThat(digests("craft").get(0).text()).contains("A thought for the week.");
    }

    @Test
    void the_recovery_of_an_interrupted_run_finishes_the_channels_it_had_not_reached() {
        f.core().runTask(new Task.Digest(1), FRIDAY);
        // As if the run had died before it reached craft-north.
        f.db.withHandle(h -> h.update("UPDATE digest_channel SET state = 'PENDING' WHERE channel_id = 'craft-north'"));
        f.chat.clear();

        f.core().runTask(new Task.Digest(1), FRIDAY);

        assertThat(digests("craft")).isEmpty();
        assertThat(digests("craft-north")).hasSize(1);
        assertThat(digests("craft-north").get(0).text()).contains("A thought for the week.");
    }
}
