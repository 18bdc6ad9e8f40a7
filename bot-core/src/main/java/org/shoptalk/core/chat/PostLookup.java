package org.shoptalk.core.chat;

import java.time.Instant;
import java.util.Optional;

/**
 * A chat platform that can tell whether the bot's message already landed. When an instance dies between
 * sending a post and recording it, the instance that takes over asks before posting again, so the channel
 * gets the message once. Platforms that cannot look (no cheap, unthrottled history API) simply do not
 * implement this, and such a post is sent again.
 */
public interface PostLookup {

    /** The bot's top-level message in the channel with this content, posted at or after {@code since}, if any. */
    Optional<Posted> findTopLevel(ChannelRef channel, ChatMessage message, Instant since);
}
