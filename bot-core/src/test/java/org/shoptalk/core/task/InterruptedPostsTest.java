package org.shoptalk.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.Platforms;
import org.shoptalk.core.chat.Posted;
import org.shoptalk.core.chat.RateLimitedException;
import org.shoptalk.core.chat.RateLimits;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.testing.FakeChatPlatform;
import org.shoptalk.core.testing.ForwardingChatPlatform;
import org.shoptalk.core.testing.LogCapture;
import org.shoptalk.core.testing.MutableClock;

/** What a take-over learns of a post an earlier run claimed, from a platform that can look and from one that cannot. */
class InterruptedPostsTest {
    private static final Instant SINCE = Instant.parse("2026-11-23T08:30:00Z");
    private static final ChannelRef CRAFT = new ChannelRef(Tenant.LOCAL, "craft");
    private static final ChatMessage PROMPT = ChatMessage.text("What did you finish this week that you are proud of?");

    private final FakeChatPlatform chat = new FakeChatPlatform();
    private final Platforms platforms = new Platforms();
    private final RateLimits limits = new RateLimits();
    private final MutableClock clock = new MutableClock(SINCE.plusSeconds(60));
    private final InterruptedPosts interrupted = new InterruptedPosts(platforms, limits, clock);
    private final List<String> acted = new ArrayList<>();

    @Test
    void a_post_on_the_platform_landed_and_is_acted_on_as_landed() {
        platforms.register(chat);
        Posted earlier = chat.postTopLevel(CRAFT, PROMPT);

        InterruptedPosts.Check check = interrupted.check("round 4 of guild 2", CRAFT, SINCE, p -> PROMPT);

        assertThat(check).isEqualTo(new InterruptedPosts.Check.Landed(earlier));
        assertThat(settle(check)).isEqualTo(Outcome.DONE);
        assertThat(acted).containsExactly("landed " + earlier.messageId());
    }

    @Test
    void a_post_missing_from_the_platform_did_not_land() {
        platforms.register(chat);
        chat.postTopLevel(CRAFT, ChatMessage.text("another message"));

        InterruptedPosts.Check check = interrupted.check("round 4 of guild 2", CRAFT, SINCE, p -> PROMPT);

        assertThat(check).isEqualTo(new InterruptedPosts.Check.NotLanded());
        assertThat(settle(check)).isEqualTo(Outcome.DONE);
        assertThat(acted).containsExactly("not landed");
    }

    @Test
    void a_platform_that_cannot_look_is_not_asked_and_counts_as_not_landed() {
        platforms.register(new ForwardingChatPlatform(chat));
        chat.postTopLevel(CRAFT, PROMPT);
        AtomicInteger rendered = new AtomicInteger();

        InterruptedPosts.Check check = interrupted.check("digest of guild 2", CRAFT, SINCE, p -> {
            rendered.incrementAndGet();
            return PROMPT;
        });

        assertThat(check).isEqualTo(new InterruptedPosts.Check.NotLanded());
        assertThat(rendered)
                .as("the message is rendered only for a platform that can look")
                .hasValue(0);
    }

    @Test
    void a_rate_limit_while_looking_holds_the_channel_and_waits_acting_on_nothing() {
        platforms.register(chat);
        chat.failNextLookups(
                "craft",
                new RateLimitedException("ratelimited", Duration.ofSeconds(30), RateLimitedException.Scope.CHANNEL));

        InterruptedPosts.Check check = interrupted.check("round 4 of guild 2", CRAFT, SINCE, p -> PROMPT);

        Instant until = clock.instant().plusSeconds(30);
        assertThat(check).isEqualTo(new InterruptedPosts.Check.Later(Outcome.waitUntil(until)));
        assertThat(limits.heldUntil(CRAFT, clock.instant())).contains(until);
        assertThat(settle(check)).isEqualTo(Outcome.waitUntil(until));
        assertThat(acted).isEmpty();
    }

    @Test
    void a_failure_while_looking_is_logged_by_ids_only_and_asks_for_a_retry() {
        platforms.register(chat);
        chat.failNextLookups("craft", new ChatPlatformException("internal_error", false));

        InterruptedPosts.Check check;
        List<String> warnings;
        try (LogCapture log = LogCapture.start()) {
            check = interrupted.check("round 4 of guild 2", CRAFT, SINCE, p -> PROMPT);
            warnings = log.linesContaining("could not check channel craft");
        }

        assertThat(check)
                .isEqualTo(new InterruptedPosts.Check.Later(Outcome.retry("could not check an interrupted post")));
        assertThat(warnings)
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains("round 4 of guild 2", "internal_error")
                        .doesNotContain("proud"));
        assertThat(settle(check).kind()).isEqualTo(Outcome.Kind.RETRY);
        assertThat(acted).isEmpty();
    }

    private Outcome settle(InterruptedPosts.Check check) {
        return check.settle(posted -> acted.add("landed " + posted.messageId()), () -> acted.add("not landed"));
    }
}
