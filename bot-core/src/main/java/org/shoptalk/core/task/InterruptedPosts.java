package org.shoptalk.core.task;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatform;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.Platforms;
import org.shoptalk.core.chat.PostLookup;
import org.shoptalk.core.chat.Posted;
import org.shoptalk.core.chat.RateLimitedException;
import org.shoptalk.core.chat.RateLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks on the platform for a top-level post an earlier run claimed and did not finish (it died mid-post, or the
 * platform failed after sending), so a take-over posts again only where it did not land. Rounds and scheduled
 * digests both take over this way. It lives beside {@link Outcome}, which a check that must wait becomes; the chat
 * port does not know about task runs. Thread-safe.
 */
public final class InterruptedPosts {
    private static final Logger LOG = LoggerFactory.getLogger(InterruptedPosts.class);

    private final Platforms platforms;
    private final RateLimits limits;
    private final Clock clock;

    public InterruptedPosts(Platforms platforms, RateLimits limits, Clock clock) {
        this.platforms = Objects.requireNonNull(platforms);
        this.limits = Objects.requireNonNull(limits);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Asks the channel's platform, where it can look ({@link PostLookup}), for the bot's top-level post of the
     * message posted at or after {@code since}.
     *
     * @param subject what was posted, by ids only, for the log ({@code "round 4 of guild 2"}); never message content
     * @param message the post as the channel's platform renders it; made only for a platform that can look
     * @return {@link Check.Landed} with what the platform found; {@link Check.NotLanded} when it is not there or the
     *     platform cannot look; {@link Check.Later} when the platform could not be asked now: for a rate limit (held
     *     in {@link RateLimits}) a wait until it ends, for another platform failure (logged) a retry
     */
    public Check check(String subject, ChannelRef channel, Instant since, Function<ChatPlatform, ChatMessage> message) {
        Optional<Posted> landed = Optional.empty();
        try {
            ChatPlatform platform = platforms.forTenant(channel.tenant());
            if (platform instanceof PostLookup lookup) {
                landed = lookup.findTopLevel(channel, message.apply(platform), since);
            }
        } catch (RateLimitedException e) {
            return new Check.Later(Outcome.waitUntil(limits.hold(channel, e, clock.instant())));
        } catch (ChatPlatformException e) {
            LOG.warn(
                    "{}: could not check channel {} for an interrupted post, asking again later: {}",
                    subject,
                    channel.id(),
                    e.getMessage());
            return new Check.Later(Outcome.retry("could not check an interrupted post"));
        }
        return landed.<Check>map(Check.Landed::new).orElseGet(Check.NotLanded::new);
    }

    /** What a take-over learned of one interrupted post. */
    public sealed interface Check {
        /**
         * Acts on what was learned: {@code landed} with the post found, or {@code notLanded}; neither when the
         * platform must be asked again later.
         *
         * @return {@link Outcome#DONE} once acted on; for {@link Later}, its outcome (a wait or a retry)
         */
        Outcome settle(Consumer<Posted> landed, Runnable notLanded);

        /** The post is on the platform: record it, do not post again. */
        record Landed(Posted posted) implements Check {
            public Landed {
                Objects.requireNonNull(posted);
            }

            @Override
            public Outcome settle(Consumer<Posted> landed, Runnable notLanded) {
                landed.accept(posted);
                return Outcome.DONE;
            }
        }

        /** The post is not on the platform, or the platform cannot look: post it again. */
        record NotLanded() implements Check {
            @Override
            public Outcome settle(Consumer<Posted> landed, Runnable notLanded) {
                notLanded.run();
                return Outcome.DONE;
            }
        }

        /** The platform could not be asked now; the claim stays, so the next run asks again. */
        record Later(Outcome outcome) implements Check {
            public Later {
                if (outcome.kind() == Outcome.Kind.DONE) {
                    throw new IllegalArgumentException("a check asked again later is not done");
                }
            }

            @Override
            public Outcome settle(Consumer<Posted> landed, Runnable notLanded) {
                return outcome;
            }
        }
    }
}
