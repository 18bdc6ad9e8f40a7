package org.shoptalk.slack;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.shoptalk.core.Shoptalk;
import org.shoptalk.core.chat.ChatEvent;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.command.CommandReply;
import org.shoptalk.core.command.CommandRequest;

/** A fake core that records what the adapter hands it and answers commands as told. */
final class RecordingShoptalk implements Shoptalk {
    final List<CommandRequest> commands = new CopyOnWriteArrayList<>();
    final List<ChatEvent> events = new CopyOnWriteArrayList<>();
    private final Set<String> deliveries = ConcurrentHashMap.newKeySet();
    private volatile Function<CommandRequest, CommandReply> replies =
            r -> CommandReply.privately(ChatMessage.text("ok: " + r.text()));

    void answer(Function<CommandRequest, CommandReply> replies) {
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
        return deliveries.add(tenant.key() + "/" + deliveryId);
    }
}
