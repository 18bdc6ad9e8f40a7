package org.shoptalk.core.testing;

import java.time.ZoneId;
import java.util.Optional;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatform;
import org.shoptalk.core.chat.MessageLimits;
import org.shoptalk.core.chat.Platform;
import org.shoptalk.core.chat.Posted;
import org.shoptalk.core.chat.ThreadRef;
import org.shoptalk.core.chat.UserRef;

/**
 * A platform that passes every call to another one; a test overrides the calls it wants to break. It does not
 * implement {@link org.shoptalk.core.chat.PostLookup}, so as it is it stands for a platform that cannot look for a
 * post (Teams); a subclass that can look adds it. Thread-safe when the other platform is.
 */
public class ForwardingChatPlatform implements ChatPlatform {
    protected final ChatPlatform chat;

    public ForwardingChatPlatform(ChatPlatform chat) {
        this.chat = chat;
    }

    @Override
    public Platform platform() {
        return chat.platform();
    }

    @Override
    public String invocation() {
        return chat.invocation();
    }

    @Override
    public Posted postTopLevel(ChannelRef channel, ChatMessage message) {
        return chat.postTopLevel(channel, message);
    }

    @Override
    public Posted postInThread(ThreadRef thread, ChatMessage message) {
        return chat.postInThread(thread, message);
    }

    @Override
    public void sendPrivate(UserRef user, ChatMessage message) {
        chat.sendPrivate(user, message);
    }

    @Override
    public void update(Posted posted, ChatMessage message) {
        chat.update(posted, message);
    }

    @Override
    public MessageLimits limits() {
        return chat.limits();
    }

    @Override
    public boolean fits(ChatMessage message) {
        return chat.fits(message);
    }

    @Override
    public String displayName(UserRef user) {
        return chat.displayName(user);
    }

    @Override
    public Optional<ZoneId> timeZone(UserRef user) {
        return chat.timeZone(user);
    }

    @Override
    public void forget(UserRef user) {
        chat.forget(user);
    }
}
