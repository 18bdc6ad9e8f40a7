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
    /** Hands this to the visitor's method for its case: the exhaustive dispatch over {@link ChatEvent} (docs/code-layout.md). */
    <R> R accept(Visitor<R> v);

    /** One method per kind of event, so a new kind fails to compile until every consumer decides what it means. */
    interface Visitor<R> {
        R posted(ChatEvent.MessagePosted x);

        R edited(ChatEvent.MessageEdited x);

        R deleted(ChatEvent.MessageDeleted x);
    }

    ChannelRef channel();

    /**
     * A message was posted; {@code threadRootId} is null for a top-level message. {@code files} are what the person
     * shared with it, by name only (a reply may be a file and no words); null reads as none.
     */
    record MessagePosted(
            ChannelRef channel,
            UserRef author,
            String messageId,
            String threadRootId,
            String text,
            List<UserRef> mentions,
            Instant receivedAt,
            List<SharedFile> files)
            implements ChatEvent {
        public MessagePosted {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(receivedAt, "receivedAt");
            text = PlainText.clean(text);
            mentions = mentions == null ? List.of() : List.copyOf(mentions);
            files = SharedFile.list(files);
        }

        /** A message with words only. */
        public MessagePosted(
                ChannelRef channel,
                UserRef author,
                String messageId,
                String threadRootId,
                String text,
                List<UserRef> mentions,
                Instant receivedAt) {
            this(channel, author, messageId, threadRootId, text, mentions, receivedAt, List.of());
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.posted(this);
        }
    }

    /**
     * A message's words changed. What was shared with it stays: platforms report an edit of the words, and a file
     * is removed by deleting the message.
     */
    record MessageEdited(
            ChannelRef channel, String messageId, String newText, List<UserRef> mentions, Instant receivedAt)
            implements ChatEvent {
        public MessageEdited {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(messageId, "messageId");
            newText = PlainText.clean(newText);
            mentions = mentions == null ? List.of() : List.copyOf(mentions);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.edited(this);
        }
    }

    record MessageDeleted(ChannelRef channel, String messageId) implements ChatEvent {
        public MessageDeleted {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(messageId, "messageId");
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.deleted(this);
        }
    }
}
