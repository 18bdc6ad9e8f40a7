package org.shoptalk.slack;

import org.shoptalk.core.Shoptalk;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatEvent;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.command.CommandReply;
import org.shoptalk.core.command.CommandRequest;

/**
 * Lets a test build the adapter before core exists (core needs the adapter's platform and the adapter
 * needs a Shoptalk): the app resolves this by creating core first; tests wire it with this.
 */
final class DelegatingShoptalk implements Shoptalk {
    volatile Shoptalk delegate;

    @Override
    public CommandReply command(CommandRequest request) {
        return delegate.command(request);
    }

    @Override
    public CommandReply trouble(CommandRequest request) {
        return delegate.trouble(request);
    }

    @Override
    public ChatMessage noPrivateChat(CommandRequest request) {
        return delegate.noPrivateChat(request);
    }

    @Override
    public CommandReply submit(CommandRequest where, String formId, java.util.Map<String, String> values) {
        return delegate.submit(where, formId, values);
    }

    @Override
    public void onEvent(ChatEvent event) {
        delegate.onEvent(event);
    }

    @Override
    public void timeZoneReported(UserRef user, java.time.ZoneId zone) {
        delegate.timeZoneReported(user, zone);
    }

    @Override
    public boolean firstDelivery(Tenant tenant, String deliveryId) {
        return delegate.firstDelivery(tenant, deliveryId);
    }

    @Override
    public ChatMessage home(UserRef user, String localeHint) {
        return delegate.home(user, localeHint);
    }

    @Override
    public ChatMessage greeting(Tenant tenant, ChannelRef channel, String localeHint) {
        return delegate.greeting(tenant, channel, localeHint);
    }
}
