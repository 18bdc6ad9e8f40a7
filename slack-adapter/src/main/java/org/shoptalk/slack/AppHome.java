package org.shoptalk.slack;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.MemberJoinedChannelEvent;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.shoptalk.core.Shoptalk;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.Form;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.command.CommandReply;
import org.shoptalk.core.command.CommandRequest;
import org.shoptalk.core.command.HomeView;
import org.shoptalk.core.command.ScheduleForm;
import org.shoptalk.core.i18n.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's Home tab: core's Home for this person rendered as Block Kit (their guilds and moments with core's
 * buttons, or a welcome with how to start), where core's "add a moment" button ({@code in:7 schedule form}) opens
 * core's form for that guild, in its language, as a modal; core checks the submission and runs it for that guild, so
 * scheduling rules and texts stay in core. Thread-safe.
 */
final class AppHome {
    private static final Logger log = LoggerFactory.getLogger(AppHome.class);
    static final String OPEN_SCHEDULE_ACTION = "shoptalk_open_schedule";
    private static final int MAX_HOME_BLOCKS = 100;

    private final Shoptalk shoptalk;
    private final Executor work;
    private final SlackCalls calls;
    /** A person's Slack locale ("nl-NL"), or null: the language core greets someone in before a guild says. */
    private final Function<UserRef, String> locales;

    AppHome(Shoptalk shoptalk, Executor work, SlackCalls calls, Function<UserRef, String> locales) {
        this.shoptalk = shoptalk;
        this.work = work;
        this.calls = calls;
        this.locales = locales;
    }

    void register(App app) {
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            AppHomeOpenedEvent e = payload.getEvent();
            if ("home".equals(e.getTab()) && e.getUser() != null) {
                UserRef user = new UserRef(SlackEvents.tenant(payload, ctx), e.getUser());
                MethodsClient client = ctx.client();
                work.execute(() -> publish(client, user));
            }
            return ctx.ack();
        });
        app.event(MemberJoinedChannelEvent.class, (payload, ctx) -> {
            MemberJoinedChannelEvent e = payload.getEvent();
            // Only the bot itself joining: people joining a channel is not Shoptalk's business.
            if (e.getUser() != null && e.getUser().equals(ctx.getBotUserId()) && e.getChannel() != null) {
                Tenant tenant = SlackEvents.tenant(payload, ctx);
                if (payload.getEventId() == null || shoptalk.firstDelivery(tenant, payload.getEventId())) {
                    MethodsClient client = ctx.client();
                    ChannelRef channel = new ChannelRef(tenant, e.getChannel());
                    UserRef inviter = e.getInviter() == null ? null : new UserRef(tenant, e.getInviter());
                    work.execute(() -> greet(client, channel, inviter));
                }
            }
            return ctx.ack();
        });
        app.blockAction(Pattern.compile(Pattern.quote(OPEN_SCHEDULE_ACTION) + "(:.*)?"), (req, ctx) -> {
            var p = req.getPayload();
            String triggerId = p.getTriggerId();
            String value = p.getActions() == null || p.getActions().isEmpty()
                    ? null
                    : p.getActions().get(0).getValue();
            String command = HomeView.asksForScheduleForm(value) ? value : "schedule form";
            Tenant tenant = SlackIds.tenant(p.getTeam() != null ? p.getTeam().getId() : ctx.getTeamId());
            UserRef user = new UserRef(tenant, p.getUser().getId());
            MethodsClient client = ctx.client();
            // trigger ids expire after three seconds: open the modal right away, off the ack.
            work.execute(() -> open(client, triggerId, user, command));
            return ctx.ack();
        });
        app.viewSubmission(ScheduleModal.CALLBACK_ID, (req, ctx) -> {
            ViewSubmissionPayload p = req.getPayload();
            Map<String, Map<String, ViewState.Value>> state =
                    p.getView().getState().getValues();
            Tenant tenant = SlackIds.tenant(p.getTeam() != null ? p.getTeam().getId() : ctx.getTeamId());
            UserRef user = new UserRef(tenant, p.getUser().getId());
            String formId = p.getView().getPrivateMetadata();
            Map<String, String> values = ScheduleModal.values(ScheduleForm.form(Language.EN, false), state);
            CommandReply submitted;
            CommandRequest where = new CommandRequest(user, null, "");
            try {
                // Core checks the fields in the guild's language and runs the moment for the guild the Home named.
                submitted = shoptalk.submit(where, formId == null || formId.isBlank() ? Form.SCHEDULE : formId, values);
            } catch (RuntimeException e) {
                log.error("The Home's form failed in core: {}", e.toString());
                submitted = shoptalk.trouble(where);
            }
            if (submitted.form() != null) {
                return ctx.ackWithErrors(submitted.form().errors());
            }
            CommandReply reply = submitted;
            MethodsClient client = ctx.client();
            work.execute(() -> {
                var blocks = BlockKit.render(reply.message());
                var text = BlockKit.fallbackText(reply.message());
                try {
                    calls.call(
                            SlackCalls.Method.CHAT_POST_MESSAGE,
                            () -> client.chatPostMessage(
                                    r -> r.channel(user.id()).blocks(blocks).text(text)));
                } catch (RuntimeException e) {
                    log.warn("Could not send the scheduling reply: {}", e.getMessage());
                }
                publish(client, user);
            });
            return ctx.ack();
        });
    }

    /**
     * Publishes this person's Home tab: core's Home message (every guild of theirs, or how to start one) rendered
     * as Block Kit. Core's "add a moment" button (a {@code schedule} command with nothing after it) opens the
     * scheduling modal instead of running. When core fails, the Home keeps what it showed: it never shows an error.
     */
    void publish(MethodsClient client, UserRef user) {
        ChatMessage home;
        try {
            // Slack sends no locale with app_home_opened: asked of users.info, for someone in no guild yet.
            home = shoptalk.home(user, localeOf(user));
        } catch (RuntimeException e) {
            log.warn("Could not build the App Home: {}", e.toString());
            return;
        }
        List<LayoutBlock> blocks = BlockKit.render(home);
        if (blocks.size() > MAX_HOME_BLOCKS) {
            blocks = blocks.subList(0, MAX_HOME_BLOCKS);
        }
        blocks.forEach(AppHome::modalButtons);
        View view = View.builder().type("home").blocks(blocks).build();
        try {
            calls.call(
                    SlackCalls.Method.VIEWS_PUBLISH,
                    () -> client.viewsPublish(r -> r.userId(user.id()).view(view)));
        } catch (RuntimeException e) {
            log.warn("Could not publish the App Home: {}", e.getMessage());
        }
    }

    /**
     * The bot was added to a channel: core's greeting, with one next step, in the channel; in the guild's language
     * there, else in the language of whoever invited the bot.
     */
    private void greet(MethodsClient client, ChannelRef channel, UserRef inviter) {
        try {
            ChatMessage hello =
                    shoptalk.greeting(channel.tenant(), channel, inviter == null ? null : localeOf(inviter));
            calls.call(
                    SlackCalls.Method.CHAT_POST_MESSAGE,
                    () -> client.chatPostMessage(r -> r.channel(channel.id())
                            .blocks(BlockKit.render(hello))
                            .text(BlockKit.fallbackText(hello))));
        } catch (RuntimeException e) {
            log.warn("Could not greet a channel the bot joined: {}", e.getMessage());
        }
    }

    /** The locale Slack gives for a person; null when it cannot tell (then core speaks English). */
    private String localeOf(UserRef user) {
        try {
            return locales.apply(user);
        } catch (RuntimeException e) {
            log.info("No locale for a Slack user: {}", e.toString());
            return null;
        }
    }

    private static void modalButtons(LayoutBlock block) {
        if (block instanceof ActionsBlock actions) {
            for (BlockElement element : actions.getElements()) {
                if (element instanceof ButtonElement b
                        && b.getValue() != null
                        && HomeView.asksForScheduleForm(b.getValue())) {
                    b.setActionId(OPEN_SCHEDULE_ACTION + ":" + b.getValue());
                }
            }
        }
    }

    /**
     * Opens core's form for the guild the button named, in that guild's language; when core answers with a message
     * instead (the person is no longer a lead there, say), that goes to their private chat.
     */
    private void open(MethodsClient client, String triggerId, UserRef user, String command) {
        CommandReply reply = SlackCommands.safely(shoptalk, new CommandRequest(user, null, command));
        try {
            if (reply.form() != null) {
                calls.call(
                        SlackCalls.Method.VIEWS_OPEN,
                        () -> client.viewsOpen(r -> r.triggerId(triggerId)
                                .view(ScheduleModal.view(
                                        reply.form(),
                                        ScheduleModal.CALLBACK_ID,
                                        reply.form().id()))));
            } else {
                ChatMessage message = reply.message();
                calls.call(
                        SlackCalls.Method.CHAT_POST_MESSAGE,
                        () -> client.chatPostMessage(r -> r.channel(user.id())
                                .blocks(BlockKit.render(message))
                                .text(BlockKit.fallbackText(message))));
            }
        } catch (RuntimeException e) {
            log.warn("Could not open the scheduling modal: {}", e.getMessage());
        }
    }
}
