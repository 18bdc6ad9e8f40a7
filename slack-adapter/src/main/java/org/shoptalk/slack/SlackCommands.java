package org.shoptalk.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.Event;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.shoptalk.core.Shoptalk;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.Form;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.command.CommandReply;
import org.shoptalk.core.command.CommandRequest;
import org.shoptalk.core.command.ScheduleForm;
import org.shoptalk.core.i18n.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ways people give Shoptalk commands in Slack: {@code /shoptalk ...}, buttons whose value is a
 * command, a mention of the app, messages in the app's Messages tab, and forms core hands out (modals). Core parses and runs them;
 * this class only decides where the reply goes (ephemeral when it is for one person). Commands may
 * post to Slack themselves, so they run off the request thread: a quick reply rides on the ack,
 * a slow one follows through the response URL. Thread-safe.
 */
final class SlackCommands {
    private static final Logger log = LoggerFactory.getLogger(SlackCommands.class);
    static final String SLASH_COMMAND = "/shoptalk";

    private final Shoptalk shoptalk;
    private final Executor work;
    private final SlackCalls calls;
    private final Duration inlineWait;
    private final AppHome home;

    SlackCommands(Shoptalk shoptalk, Executor work, SlackCalls calls, Duration inlineWait, AppHome home) {
        this.shoptalk = shoptalk;
        this.work = work;
        this.calls = calls;
        this.inlineWait = inlineWait;
        this.home = home;
    }

    void register(App app) {
        app.command(SLASH_COMMAND, this::slashCommand);
        app.blockAction(Pattern.compile(Pattern.quote(BlockKit.COMMAND_ACTION_PREFIX) + ".*"), (req, ctx) -> {
            button(req.getPayload(), ctx);
            return ctx.ack();
        });
        app.event(AppMentionEvent.class, this::mention);
        app.viewSubmission(ScheduleModal.FORM_CALLBACK_ID, (req, ctx) -> submitForm(req.getPayload(), ctx));
    }

    /** Runs a command; a failure inside core becomes a polite private reply instead of silence. */
    static CommandReply safely(Shoptalk shoptalk, CommandRequest request) {
        try {
            return shoptalk.command(request);
        } catch (RuntimeException e) {
            log.error("A Slack command failed in core: {}", e.toString());
            return shoptalk.trouble(request);
        }
    }

    private Response slashCommand(SlashCommandRequest req, SlashCommandContext ctx) {
        SlashCommandPayload p = req.getPayload();
        Tenant tenant = SlackIds.tenant(p.getTeamId());
        ChannelRef channel = SlackIds.channelOrPrivate(tenant, p.getChannelId(), p.getChannelName());
        CommandRequest request =
                new CommandRequest(new UserRef(tenant, p.getUserId()), channel, SlackText.toNeutral(p.getText()));
        // Whoever completes `inline` first decides where the reply goes: the ack, or response_url after it.
        CompletableFuture<CommandReply> inline = new CompletableFuture<>();
        work.execute(() -> {
            CommandReply reply = safely(shoptalk, request);
            if (!inline.complete(reply)) {
                respond(ctx, reply);
            }
        });
        try {
            CommandReply r = inline.get(inlineWait.toMillis(), TimeUnit.MILLISECONDS);
            if (r.form() != null && p.getTriggerId() != null) {
                MethodsClient client = ctx.client();
                // trigger ids expire after three seconds: open the modal right away, off the ack.
                work.execute(() -> openForm(client, p.getTriggerId(), r, p.getChannelId()));
                return ctx.ack();
            }
            return ctx.ack(slashResponse(r));
        } catch (TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (inline.complete(null)) {
                return ctx.ack();
            }
            return ctx.ack(slashResponse(inline.join()));
        } catch (ExecutionException e) {
            throw new IllegalStateException("the inline reply is only ever completed with a value", e);
        }
    }

    private void openForm(MethodsClient client, String triggerId, CommandReply reply, String channelId) {
        try {
            calls.call(
                    SlackCalls.Method.VIEWS_OPEN,
                    () -> client.viewsOpen(r -> r.triggerId(triggerId)
                            .view(ScheduleModal.view(reply.form(), ScheduleModal.FORM_CALLBACK_ID, channelId))));
        } catch (RuntimeException e) {
            log.warn("Could not open a form: {}", e.getMessage());
        }
    }

    /**
     * A form core handed out: core checks it, and the modal stays open with core's errors next to the fields
     * ({@code response_action: errors}) until it passes; then the command's reply goes to the person's private chat.
     */
    private Response submitForm(ViewSubmissionPayload p, ViewSubmissionContext ctx) {
        Tenant tenant = SlackIds.tenant(p.getTeam() != null ? p.getTeam().getId() : ctx.getTeamId());
        UserRef user = new UserRef(tenant, p.getUser().getId());
        String metadata = p.getView().getPrivateMetadata();
        ChannelRef channel =
                metadata == null || metadata.isBlank() ? null : SlackIds.channelOrPrivate(tenant, metadata, null);
        Map<String, String> values = ScheduleModal.values(
                ScheduleForm.form(Language.EN, false), p.getView().getState().getValues());
        CommandReply reply;
        CommandRequest where = new CommandRequest(user, channel, "");
        try {
            reply = shoptalk.submit(where, Form.SCHEDULE, values);
        } catch (RuntimeException e) {
            log.error("A Slack form failed in core: {}", e.toString());
            reply = shoptalk.trouble(where);
        }
        if (reply.form() != null) {
            return ctx.ackWithErrors(reply.form().errors());
        }
        ChatMessage message = reply.message();
        MethodsClient client = ctx.client();
        work.execute(() -> postTo(client, user.id(), null, message));
        return ctx.ack();
    }

    private static SlashCommandResponse slashResponse(CommandReply reply) {
        return SlashCommandResponse.builder()
                .responseType(reply.visibility() == CommandReply.Visibility.CHANNEL ? "in_channel" : "ephemeral")
                .blocks(BlockKit.render(reply.message()))
                .text(BlockKit.fallbackText(reply.message()))
                .build();
    }

    private static void respond(SlashCommandContext ctx, CommandReply reply) {
        try {
            var result = ctx.respond(slashResponse(reply));
            if (result.getCode() != 200) {
                log.warn("Slack did not take a command reply via response_url: HTTP {}", result.getCode());
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not send a command reply via response_url: {}", e.toString());
        }
    }

    private void button(BlockActionPayload p, ActionContext ctx) {
        BlockActionPayload.Action action = p.getActions() == null
                ? null
                : p.getActions().stream()
                        .filter(a ->
                                a.getActionId() != null && a.getActionId().startsWith(BlockKit.COMMAND_ACTION_PREFIX))
                        .findFirst()
                        .orElse(null);
        if (action == null || action.getValue() == null || action.getValue().isBlank()) {
            return;
        }
        Tenant tenant = SlackIds.tenant(p.getTeam() != null ? p.getTeam().getId() : ctx.getTeamId());
        UserRef user = new UserRef(tenant, p.getUser().getId());
        boolean fromHome =
                p.getContainer() != null && "view".equals(p.getContainer().getType());
        ChannelRef channel = fromHome || p.getChannel() == null
                ? null
                : SlackIds.channelOrPrivate(
                        tenant, p.getChannel().getId(), p.getChannel().getName());
        CommandRequest request = new CommandRequest(user, channel, action.getValue());
        MethodsClient client = ctx.client();
        String responseUrl = p.getResponseUrl();
        work.execute(() -> {
            CommandReply reply = safely(shoptalk, request);
            if (fromHome || responseUrl == null) {
                postTo(client, user.id(), null, reply.message());
                home.publish(client, user);
                return;
            }
            try {
                ctx.respond(ActionResponse.builder()
                        .responseType(
                                reply.visibility() == CommandReply.Visibility.CHANNEL ? "in_channel" : "ephemeral")
                        .replaceOriginal(false)
                        .blocks(BlockKit.render(reply.message()))
                        .text(BlockKit.fallbackText(reply.message()))
                        .build());
            } catch (IOException | RuntimeException e) {
                log.warn("Could not send a button's reply via response_url: {}", e.toString());
            }
        });
    }

    /**
     * A mention is a command, as core decides for every platform (an empty one is help): the bot's own mention is
     * dropped, and a private reply is shown only to the person who asked, so a round's thread stays calm.
     */
    private Response mention(EventsApiPayload<AppMentionEvent> payload, EventContext ctx) {
        AppMentionEvent e = payload.getEvent();
        if (e.getUser() == null || e.getBotId() != null) {
            return ctx.ack();
        }
        Tenant tenant = SlackEvents.tenant(payload, ctx);
        UserRef user = new UserRef(tenant, e.getUser());
        ChannelRef channel = SlackIds.channelOrPrivate(tenant, e.getChannel(), null);
        String text = withoutBotMention(SlackText.toNeutral(e.getText()), ctx.getBotUserId());
        MethodsClient client = ctx.client();
        work.execute(() -> {
            CommandReply reply = safely(shoptalk, new CommandRequest(user, channel, text));
            List<LayoutBlock> blocks = BlockKit.render(reply.message());
            String fallback = BlockKit.fallbackText(reply.message());
            try {
                if (reply.visibility() == CommandReply.Visibility.CHANNEL) {
                    calls.call(
                            SlackCalls.Method.CHAT_POST_MESSAGE,
                            () -> client.chatPostMessage(r -> r.channel(e.getChannel())
                                    .threadTs(e.getThreadTs())
                                    .blocks(blocks)
                                    .text(fallback)));
                } else {
                    calls.call(
                            SlackCalls.Method.CHAT_POST_EPHEMERAL,
                            () -> client.chatPostEphemeral(r -> r.channel(e.getChannel())
                                    .user(e.getUser())
                                    .threadTs(e.getThreadTs())
                                    .blocks(blocks)
                                    .text(fallback)));
                }
            } catch (RuntimeException ex) {
                log.warn("Could not answer a mention: {}", ex.getMessage());
            }
        });
        return ctx.ack();
    }

    /** The mention text without the app's own mention(s); other people stay mentioned. */
    static String withoutBotMention(String text, String botUserId) {
        if (text == null) {
            return "";
        }
        return botUserId == null ? text : text.replaceAll("<@" + Pattern.quote(botUserId) + "(\\|[^>]*)?>", " ");
    }

    /** Text typed in the app's Messages tab: run as a command, answered in the same private chat. */
    Response directMessage(
            EventsApiPayload<? extends Event> payload, EventContext ctx, String userId, String slackText) {
        if (userId == null) {
            return ctx.ack();
        }
        Tenant tenant = SlackEvents.tenant(payload, ctx);
        if (payload.getEventId() != null && !shoptalk.firstDelivery(tenant, payload.getEventId())) {
            return ctx.ack();
        }
        String command = SlackText.toNeutral(slackText);
        UserRef user = new UserRef(tenant, userId);
        MethodsClient client = ctx.client();
        work.execute(() -> postTo(
                client,
                userId,
                null,
                safely(shoptalk, new CommandRequest(user, null, command)).message()));
        return ctx.ack();
    }

    private void postTo(MethodsClient client, String channel, String threadTs, ChatMessage message) {
        List<LayoutBlock> blocks = BlockKit.render(message);
        String text = BlockKit.fallbackText(message);
        try {
            calls.call(
                    SlackCalls.Method.CHAT_POST_MESSAGE,
                    () -> client.chatPostMessage(r ->
                            r.channel(channel).threadTs(threadTs).blocks(blocks).text(text)));
        } catch (RuntimeException e) {
            log.warn("Could not send a private reply: {}", e.getMessage());
        }
    }
}
