package org.shoptalk.core.testing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.shoptalk.core.Shoptalk;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatEvent;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.command.CommandReply;
import org.shoptalk.core.command.CommandRequest;

/**
 * Stands in for core where a test is about an adapter or the HTTP layer only: records what it is handed,
 * takes each delivery id once, and answers commands as the test says (by default a private "ok: TEXT").
 * Thread-safe.
 */
public final class RecordingShoptalk implements Shoptalk {
    public final List<CommandRequest> commands = new CopyOnWriteArrayList<>();
    public final List<ChatEvent> events = new CopyOnWriteArrayList<>();
    private final Set<String> deliveries = ConcurrentHashMap.newKeySet();
    private volatile Function<CommandRequest, CommandReply> replies;

    public RecordingShoptalk(Function<CommandRequest, CommandReply> replies) {
        this.replies = replies;
    }

    public RecordingShoptalk() {
        this(r -> CommandReply.privately(ChatMessage.text("ok: " + r.text())));
    }

    /** Answers "ok: TEXT" for everyone in the channel, as a command meant for all would be. */
    public static RecordingShoptalk answeringInChannel() {
        return new RecordingShoptalk(r -> CommandReply.inChannel(ChatMessage.text("ok: " + r.text())));
    }

    public void answerWith(Function<CommandRequest, CommandReply> replies) {
        this.replies = replies;
    }

    @Override
    public CommandReply command(CommandRequest request) {
        commands.add(request);
        return replies.apply(request);
    }

    @Override
    public void onEvent(ChatEvent event) {
        events.add(event);
    }

    @Override
    public boolean firstDelivery(Tenant tenant, String deliveryId) {
        return deliveries.add(tenant.key() + "|" + deliveryId);
    }

    /** The Home answers as the command "schedules" would, recorded like a command. */
    @Override
    public ChatMessage home(UserRef user, String localeHint) {
        return command(new CommandRequest(user, null, "schedules")).message();
    }

    @Override
    public ChatMessage greeting(ChannelRef channel, String localeHint) {
        return ChatMessage.text("hello" + (localeHint == null ? "" : " " + localeHint));
    }
}
