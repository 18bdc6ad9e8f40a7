package org.shoptalk.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.shoptalk.core.Shoptalk;
import org.shoptalk.core.chat.ChatEvent;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.command.CommandReply;
import org.shoptalk.core.command.CommandRequest;

/** Stands in for core where a test is about the HTTP layer only: records calls, answers "ok". */
final class RecordingShoptalk implements Shoptalk {
    final List<CommandRequest> commands = new CopyOnWriteArrayList<>();
    final List<ChatEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public CommandReply command(CommandRequest request) {
        commands.add(request);
        return CommandReply.privately(ChatMessage.text("ok"));
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
