package org.shoptalk.core.chat;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What adapters report to core about messages in channels. Mentions are resolved by the adapter
 * into user refs, from what the platform itself encoded (never from typed text, see {@link TypedText}), so core
 * never parses platform mention syntax in answers.
 */
public sealed interface ChatEvent {

    ChannelRef channel();

    /** A message was posted; {@code threadRootId} is null for a top-level message. */
    record MessagePosted(
            ChannelRef channel,
            UserRef author,
            String messageId,
            String threadRootId,
            String text,
            List<UserRef> mentions,
            Instant receivedAt)
            implements ChatEvent {
        public MessagePosted {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(receivedAt, "receivedAt");
            text = PlainText.clean(text);
            mentions = mentions == null ? List.of() : List.copyOf(mentions);
        }
    }

    record MessageEdited(
            ChannelRef channel, String messageId, String newText, List<UserRef> mentions, Instant receivedAt)
            implements ChatEvent {
        public MessageEdited {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(messageId, "messageId");
            newText = PlainText.clean(newText);
            mentions = mentions == null ? List.of() : List.copyOf(mentions);
        }
    }

    record MessageDeleted(ChannelRef channel, String messageId) implements ChatEvent {
        public MessageDeleted {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(messageId, "messageId");
        }
    }
}
