package org.shoptalk.slack;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.shoptalk.core.Shoptalk;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.command.CommandReply;
import org.shoptalk.core.command.CommandRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's Home tab: what core's {@code schedules} command tells this person (their guilds and
 * moments, with core's pause/resume buttons), and a button that opens the scheduling modal. The modal
 * turns its fields into one {@code schedule ...} command, so scheduling rules stay in core. Thread-safe.
 */
final class AppHome {
    private static final Logger log = LoggerFactory.getLogger(AppHome.class);
    static final String OPEN_SCHEDULE_ACTION = "shoptalk_open_schedule";
    private static final int MAX_HOME_BLOCKS = 100;

    private final Shoptalk shoptalk;
    private final Executor work;
    private final SlackCalls calls;

    AppHome(Shoptalk shoptalk, Executor work, SlackCalls calls) {
        this.shoptalk = shoptalk;
        this.work = work;
        this.calls = calls;
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
        app.blockAction(OPEN_SCHEDULE_ACTION, (req, ctx) -> {
            String triggerId = req.getPayload().getTriggerId();
            MethodsClient client = ctx.client();
            // trigger ids expire after three seconds: open the modal right away, off the ack.
            work.execute(() -> open(client, triggerId));
            return ctx.ack();
        });
        app.viewSubmission(ScheduleModal.CALLBACK_ID, (req, ctx) -> {
            ViewSubmissionPayload p = req.getPayload();
            Map<String, Map<String, ViewState.Value>> values =
                    p.getView().getState().getValues();
            ScheduleModal.Result result = ScheduleModal.read(values);
            if (!result.errors().isEmpty()) {
                return ctx.ackWithErrors(result.errors());
            }
            Tenant tenant = SlackIds.tenant(p.getTeam() != null ? p.getTeam().getId() : ctx.getTeamId());
            UserRef user = new UserRef(tenant, p.getUser().getId());
            ChannelRef channel = new ChannelRef(tenant, result.channelId());
            MethodsClient client = ctx.client();
            work.execute(() -> {
                CommandReply reply =
                        SlackCommands.safely(shoptalk, new CommandRequest(user, channel, result.command()));
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

    /** Builds and publishes this person's Home tab. */
    void publish(MethodsClient client, UserRef user) {
        CommandReply overview = SlackCommands.safely(shoptalk, new CommandRequest(user, null, "schedules"));
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(HeaderBlock.builder()
                .text(PlainTextObject.builder().text("Shoptalk").build())
                .build());
        blocks.add(SectionBlock.builder()
                .text(MarkdownTextObject.builder()
                        .text(
                                "Reflection moments for your guilds. Type `/shoptalk help` in a channel for every command.")
                        .build())
                .build());
        List<BlockElement> actions = List.of(ButtonElement.builder()
                .text(PlainTextObject.builder()
                        .text("Schedule a reflection moment")
                        .build())
                .actionId(OPEN_SCHEDULE_ACTION)
                .style("primary")
                .build());
        blocks.add(ActionsBlock.builder().elements(actions).build());
        blocks.add(DividerBlock.builder().build());
        List<LayoutBlock> body = BlockKit.render(overview.message());
        int room = MAX_HOME_BLOCKS - blocks.size() - 1;
        blocks.addAll(body.size() > room ? body.subList(0, room) : body);
        blocks.add(ContextBlock.builder()
                .elements(List.of(MarkdownTextObject.builder()
                        .text("Only guild leads can change schedules.")
                        .build()))
                .build());
        View view = View.builder().type("home").blocks(blocks).build();
        try {
            calls.call(
                    SlackCalls.Method.VIEWS_PUBLISH,
                    () -> client.viewsPublish(r -> r.userId(user.id()).view(view)));
        } catch (RuntimeException e) {
            log.warn("Could not publish the App Home: {}", e.getMessage());
        }
    }

    private void open(MethodsClient client, String triggerId) {
        try {
            calls.call(
                    SlackCalls.Method.VIEWS_OPEN,
                    () -> client.viewsOpen(r -> r.triggerId(triggerId).view(ScheduleModal.view())));
        } catch (RuntimeException e) {
            log.warn("Could not open the scheduling modal: {}", e.getMessage());
        }
    }
}
