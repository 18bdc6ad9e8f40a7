package org.shoptalk.teams;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Teams conversation ids: a channel thread is addressed as {@code <channel id>;messageid=<root id>},
 * which is also how replies in that thread arrive.
 */
final class TeamsIds {
    private static final String MESSAGE_ID = ";messageid=";

    private TeamsIds() {}

    /** The conversation id without its thread suffix (for a channel: the channel id). */
    static String base(String conversationId) {
        int at = conversationId.indexOf(';');
        return at < 0 ? conversationId : conversationId.substring(0, at);
    }

    /** The thread root message id, or null when the id names no thread. */
    static String threadRoot(String conversationId) {
        int at = conversationId.indexOf(MESSAGE_ID);
        if (at < 0) {
            return null;
        }
        String root = conversationId.substring(at + MESSAGE_ID.length());
        int end = root.indexOf(';');
        root = end < 0 ? root : root.substring(0, end);
        return root.isBlank() ? null : root;
    }

    static String thread(String channelId, String rootId) {
        return channelId + MESSAGE_ID + rootId;
    }

    /**
     * A delivery id for dedupe: Teams message ids are unique only within a conversation. Long ids
     * (personal chats) are hashed to fit the store.
     */
    static String deliveryId(String conversationId, String activityId) {
        String id = base(conversationId) + "/" + activityId;
        if (id.length() <= 180) {
            return id;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
