package org.shoptalk.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.shoptalk.core.Shoptalk;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.command.CommandReply;
import org.shoptalk.core.command.CommandRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands from Teams off the request thread: a command may post a round or wait out
 * throttling, and Teams redelivers an activity that is not answered within seconds. Replies meant for
 * one person go to their personal chat; the rest go where the command was typed. Thread-safe.
 */
final class Commands implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Commands.class);

    private final Shoptalk shoptalk;
    private final TeamsPlatform platform;
    private final ExecutorService outbox;
    private final AtomicInteger pending = new AtomicInteger();

    Commands(Shoptalk shoptalk, TeamsPlatform platform) {
        this.shoptalk = shoptalk;
        this.platform = platform;
        this.outbox = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "teams-commands");
            t.setDaemon(true);
            return t;
        });
    }

    void run(TeamsInbound.Origin origin, UserRef user, String text) {
        CommandRequest request = new CommandRequest(user, origin.channel(), text);
        later(() -> deliver(origin, request, shoptalk.command(request)), new Apology(origin, request));
    }

    /** A button or form on one of our cards was submitted. */
    void submit(TeamsInbound.Origin origin, UserRef user, JsonNode data) {
        String kind = data.path(AdaptiveCards.DATA_KIND).asText("");
        if (AdaptiveCards.KIND_FORM.equals(kind) && data.hasNonNull(FormCard.FORM_ID)) {
            String form = data.get(FormCard.FORM_ID).asText();
            CommandRequest where = new CommandRequest(user, origin.channel(), "");
            later(
                    () -> deliver(origin, where, shoptalk.submit(where, form, FormCard.values(data))),
                    new Apology(origin, where));
        } else if (AdaptiveCards.KIND_COMMAND.equals(kind) && data.hasNonNull("command")) {
            run(origin, user, data.get("command").asText());
        }
    }

    /** Introduces the bot where it was just added, with core's own help text. */
    void welcome(TeamsInbound.Origin origin, UserRef installer) {
        later(
                () -> platform.reply(
                        origin.tenant(),
                        origin.serviceUrl(),
                        origin.conversationId(),
                        shoptalk.command(new CommandRequest(installer, origin.channel(), "help"))
                                .message()),
                null);
    }

    /** Runs background work after the current request, e.g. learning a new team's channels. */
    void background(Runnable work) {
        later(work, null);
    }

    /** A form (or the same form again, with errors) is shown where it was asked for, as a card. */
    private void deliver(TeamsInbound.Origin origin, CommandRequest request, CommandReply reply) {
        UserRef user = request.user();
        if (reply.form() != null) {
            platform.reply(
                    origin.serviceUrl(),
                    origin.conversationId(),
                    AdaptiveCards.activity(
                            FormCard.card(reply.form()), reply.form().title()));
            return;
        }
        if (reply.visibility() == CommandReply.Visibility.PRIVATE && origin.channel() != null) {
            try {
                // Addressed from the activity itself: after "forget me confirm" the store no longer knows the person.
                platform.replyPrivately(origin, user, reply.message());
                return;
            } catch (ChatPlatformException e) {
                LOG.warn("could not send a private reply in Teams: {}", e.getMessage());
                platform.reply(
                        origin.tenant(), origin.serviceUrl(), origin.conversationId(), shoptalk.noPrivateChat(request));
                return;
            }
        }
        platform.reply(origin.tenant(), origin.serviceUrl(), origin.conversationId(), reply.message());
    }

    /** Where to apologise when a command fails, and the command, so core can say it in the guild's language. */
    private record Apology(TeamsInbound.Origin origin, CommandRequest request) {}

    private void later(Runnable work, Apology replyTo) {
        pending.incrementAndGet();
        try {
            outbox.execute(() -> {
                try {
                    work.run();
                } catch (ChatPlatformException e) {
                    LOG.warn("Teams call failed: {}", e.getMessage());
                } catch (RuntimeException e) {
                    LOG.error("handling a Teams command failed", e);
                    apologise(replyTo);
                } finally {
                    done();
                }
            });
        } catch (RejectedExecutionException e) {
            done();
            LOG.warn("Teams adapter is shutting down; dropped a command");
        }
    }

    private void apologise(Apology replyTo) {
        if (replyTo == null) {
            return;
        }
        try {
            TeamsInbound.Origin origin = replyTo.origin();
            platform.reply(
                    origin.tenant(),
                    origin.serviceUrl(),
                    origin.conversationId(),
                    shoptalk.trouble(replyTo.request()).message());
        } catch (RuntimeException e) {
            LOG.warn("could not tell the user about a failed command: {}", e.getMessage());
        }
    }

    private void done() {
        synchronized (pending) {
            if (pending.decrementAndGet() == 0) {
                pending.notifyAll();
            }
        }
    }

    /** Waits until no command is queued or running; true if that happened within the timeout. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (pending) {
            while (pending.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(pending, left);
            }
            return true;
        }
    }

    @Override
    public void close() {
        outbox.shutdown();
        try {
            if (!outbox.awaitTermination(30, TimeUnit.SECONDS)) {
                outbox.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outbox.shutdownNow();
        }
    }
}
