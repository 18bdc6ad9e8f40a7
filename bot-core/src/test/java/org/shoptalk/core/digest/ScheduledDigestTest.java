package org.shoptalk.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.Posted;
import org.shoptalk.core.task.Task;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.FakeChatPlatform;
import org.shoptalk.core.testing.ForwardingChatPlatform;

/**
 * A scheduled digest lands once in every channel, also when its run is retried or recovered after a crash, and each
 * week's digest starts where the last one ended, also in a week with a daylight-saving change.
 */
class ScheduledDigestTest {
    private static final Instant FRIDAY = Instant.parse("2026-11-27T15:00:00Z");
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    /** The default digest time, Friday 16:00, two days before summer time ends (Sunday 31 October 2027). */
    private static final ZonedDateTime BEFORE_SUMMER_TIME_ENDS = ZonedDateTime.of(2027, 10, 29, 16, 0, 0, 0, AMSTERDAM);
    /** The default digest time, Friday 16:00, two days before summer time begins (Sunday 28 March 2027). */
    private static final ZonedDateTime BEFORE_SUMMER_TIME_BEGINS =
            ZonedDateTime.of(2027, 3, 26, 16, 0, 0, 0, AMSTERDAM);

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

    /** Friday 16:00 summer time to Friday 16:00 winter time is 169 hours: a digest a bare 168 hours long left an hour out. */
    @Test
    void a_moment_in_the_hour_after_the_digest_before_summer_time_ends_is_in_the_next_weeks_digest() {
        digestAt(BEFORE_SUMMER_TIME_ENDS);
        f.clock.set(BEFORE_SUMMER_TIME_ENDS.plusMinutes(30).toInstant());
        f.run("lea", "craft", "moment");
        f.reply("craft", f.latestRoundThread("craft"), "ann", "Said half an hour after a digest.");
        f.chat.clear();

        digestAt(BEFORE_SUMMER_TIME_ENDS.plusWeeks(1));

        assertThat(digests("craft"))
                .singleElement()
                .satisfies(d -> assertThat(d.text()).contains("Said half an hour after a digest."));
    }

    /** Friday 16:00 winter time to Friday 16:00 summer time is 167 hours: a digest 168 hours long told an hour twice. */
    @Test
    void a_moment_in_the_hour_before_the_digest_before_summer_time_begins_is_in_that_digest_only() {
        f.clock.set(BEFORE_SUMMER_TIME_BEGINS.minusMinutes(30).toInstant());
        f.run("lea", "craft", "moment");
        f.reply("craft", f.latestRoundThread("craft"), "ann", "Said half an hour before a digest.");

        digestAt(BEFORE_SUMMER_TIME_BEGINS);
        assertThat(digests("craft"))
                .singleElement()
                .satisfies(d -> assertThat(d.text()).contains("Said half an hour before a digest."));
        f.chat.clear();
        digestAt(BEFORE_SUMMER_TIME_BEGINS.plusWeeks(1));

        assertThat(digests("craft"))
                .singleElement()
                .satisfies(d -> assertThat(d.text()).doesNotContain("Said half an hour before a digest."));
    }

    /** The guild's weekly digest run as Quartz runs it at {@code at}, on time. */
    private void digestAt(ZonedDateTime at) {
        f.clock.set(at.toInstant());
        f.core().runTask(new Task.Digest(1), at.toInstant());
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

    /** A lead moves the digest to Monday 09:00 while Friday's posts: Friday's still lands, and only Monday is next. */
    @Test
    void moving_the_digest_while_it_posts_leaves_only_the_new_time_planned() {
        f.core().register(new ForwardingChatPlatform(f.chat) {
            private boolean moved;

            @Override
            public Posted postTopLevel(ChannelRef channel, ChatMessage message) {
                if (!moved) {
                    moved = true;
                    assertThat(f.run("lea", "craft", "digest at Mon 09:00")).contains("weekly digest now comes");
                }
                return super.postTopLevel(channel, message);
            }
        });

        f.core().runTask(new Task.Digest(1), FRIDAY);

        assertThat(digests("craft")).hasSize(1);
        assertThat(f.count("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE JOB_NAME = 'digest-1'"))
                .isEqualTo(1);
        assertThat(f.count(
                        "SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE JOB_NAME = 'digest-1' AND NEXT_FIRE_TIME = ?",
                        ZonedDateTime.of(2026, 11, 30, 9, 0, 0, 0, AMSTERDAM)
                                .toInstant()
                                .toEpochMilli()))
                .isEqualTo(1);
    }

    /** A digest planned before the lead moved it, at the old time, as a run that read the guild just before could. */
    @Test
    void a_digest_planned_for_a_time_the_lead_moved_it_from_posts_nothing_and_plans_nothing() {
        f.run("lea", "craft", "digest at Mon 09:00");
        Instant oldTime = FRIDAY.plus(java.time.Duration.ofDays(7));
        f.clock.set(oldTime);
        f.chat.clear();

        f.core().runTask(new Task.Digest(1), oldTime);

        assertThat(digests("craft")).isEmpty();
        assertThat(f.count("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE JOB_NAME = 'digest-1'"))
                .isEqualTo(1);
    }
}
