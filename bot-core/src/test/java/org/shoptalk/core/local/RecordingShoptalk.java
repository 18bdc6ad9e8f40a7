package org.shoptalk.core.local;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.shoptalk.core.Shoptalk;
import org.shoptalk.core.chat.ChatEvent;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.command.CommandReply;
import org.shoptalk.core.command.CommandRequest;

/** Records what an adapter sends to core and answers commands with a reply the test chooses. */
final class RecordingShoptalk implements Shoptalk {
    final List<CommandRequest> commands = new CopyOnWriteArrayList<>();
    final List<ChatEvent> events = new CopyOnWriteArrayList<>();
    private volatile Function<CommandRequest, CommandReply> replies;

    RecordingShoptalk(Function<CommandRequest, CommandReply> replies) {
        this.replies = replies;
    }

    void replyWith(Function<CommandRequest, CommandReply> replies) {
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
        return true;
    }
}
