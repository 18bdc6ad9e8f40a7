package org.shoptalk.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatform;
import org.shoptalk.core.chat.PostLookup;
import org.shoptalk.core.chat.Posted;
import org.shoptalk.core.local.LocalChat;
import org.shoptalk.core.local.LocalMessage;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.ForwardingChatPlatform;

/**
 * An instance that dies while posting a moment (or an accountability moment) leaves the channel claimed. Another run of the same moment
 * leaves a claim alone (a live instance may be mid-post), but the recovery run the scheduler starts because the instance
 * died finishes it: posted if it never landed, recorded if it did, once either way.
 */
class InterruptedMomentTest {
    /** Monday 23 Nov 2026 09:30 in Amsterdam. */
    private static final Instant MONDAY_0930 = Instant.parse("2026-11-23T08:30:00Z");

    private static final Task MOMENT = new Task.Moment(1);

    private final CoreFixture f = CoreFixture.onH2();

    @BeforeEach
    void guildWithAMondayMoment() {
        f.run("lea", "craft", "guild create Craft lang en tz Europe/Amsterdam");
        f.run("lea", "craft", "schedule mon 09:30");
        f.clock.set(MONDAY_0930);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void a_post_cut_off_before_it_landed_is_posted_by_the_recovering_run_only() {
        f.core().register(new DyingChat(f.chat, false));
        assertThatThrownBy(() -> f.core().runTask(MOMENT, MONDAY_0930)).isInstanceOf(ProcessDied.class);
        f.core().register(f.chat);

        f.core().runTask(MOMENT, MONDAY_0930);
        assertThat(f.chat.topLevel("craft")).isEmpty();

        f.core().recoverTask(MOMENT, MONDAY_0930);
        f.core().recoverTask(MOMENT, MONDAY_0930);
        assertThat(f.chat.topLevel("craft")).hasSize(1);
        assertThat(f.count("SELECT COUNT(*) FROM round_post WHERE state = 'POSTED' AND thread_id IS NOT NULL"))
                .isEqualTo(1);
    }

    @Test
    void a_post_that_landed_before_the_instance_died_is_recorded_not_posted_again() {
        LocalChat local = new LocalChat(f.db, f.clock, f.core()::shoptalk);
        f.core().register(new DyingChat(local.platform(), true));
        assertThatThrownBy(() -> f.core().runTask(MOMENT, MONDAY_0930)).isInstanceOf(ProcessDied.class);
        f.core().register(local.platform());

        f.core().recoverTask(MOMENT, MONDAY_0930);

        LocalMessage prompt = local.list("craft").stream()
                .filter(LocalMessage::topLevel)
                .findFirst()
                .orElseThrow();
        assertThat(local.list("craft")).hasSize(1);
        String answer = f.reply("craft", prompt.id(), "ann", "Finishing what I start.");
        assertThat(f.count("SELECT COUNT(*) FROM answer WHERE message_id = ?", answer))
                .isEqualTo(1);
    }

    @Test
    void an_accountability_moment_cut_off_mid_post_is_posted_by_the_recovering_run() {
        f.run("ann", "craft", "guild join");
        for (String answer : new String[] {
            "goal",
            "90% of tickets closed within 2 days",
            "Our customers: they can get back to work quickly after reporting a problem",
            "Trust: people rely on us",
            "How often customers need to chase us",
            "No overtime to get there",
            "2027-01-15"
        }) {
            f.run("ann", null, answer);
        }
        f.clock.set(Instant.parse("2027-01-15T08:30:00Z"));
        f.chat.clear();
        Task review = new Task.Review(1);
        f.core().register(new DyingChat(f.chat, false));
        assertThatThrownBy(() -> f.core().runTask(review, f.clock.instant())).isInstanceOf(ProcessDied.class);
        f.core().register(f.chat);

        f.core().recoverTask(review, f.clock.instant());

        assertThat(f.chat.topLevel("craft"))
                .singleElement()
                .satisfies(sent -> assertThat(sent.text()).contains("goal #1"));
    }

    /** Stands for the process dying in the middle of a post: nothing after it runs. */
    private static final class ProcessDied extends Error {
        private static final long serialVersionUID = 1L;
    }

    /** A platform whose instance dies during its first post, before the message lands or just after. */
    private static final class DyingChat extends ForwardingChatPlatform implements PostLookup {
        private final boolean landsFirst;

        DyingChat(ChatPlatform chat, boolean landsFirst) {
            super(chat);
            this.landsFirst = landsFirst;
        }

        @Override
        public Posted postTopLevel(ChannelRef channel, ChatMessage message) {
            if (landsFirst) {
                chat.postTopLevel(channel, message);
            }
            throw new ProcessDied();
        }

        @Override
        public Optional<Posted> findTopLevel(ChannelRef channel, ChatMessage message, Instant since) {
            return chat instanceof PostLookup lookup ? lookup.findTopLevel(channel, message, since) : Optional.empty();
        }
    }
}
