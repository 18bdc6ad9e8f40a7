package org.shoptalk.slack;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A cheap look at a request body before Bolt parses it. Bolt's parser logs a whole body it does not recognise at
 * WARN, and a body carries people's words, so only the shapes Bolt for Java 1.51 handles reach it: a JSON object
 * whose {@code type} is {@code url_verification} or {@code event_callback}; a form with a slash {@code command} or
 * an {@code ssl_check}; or a form whose interactivity {@code payload} has one of Bolt's payload types. Everything
 * else is refused before Bolt sees it. Stateless.
 */
final class SlackRequestShape {
    private static final Set<String> EVENT_TYPES = Set.of("url_verification", "event_callback");

    /** The interactivity payload types Bolt's {@code SlackRequestParser} turns into requests. */
    private static final Set<String> PAYLOAD_TYPES = Set.of(
            "block_actions",
            "block_suggestion",
            "dialog_submission",
            "dialog_cancellation",
            "dialog_suggestion",
            "interactive_message",
            "message_action",
            "shortcut",
            "view_submission",
            "view_closed",
            "workflow_step_edit");

    private SlackRequestShape() {}

    /** What a body is, as far as the bridge needs to know. */
    enum Kind {
        /** An Events API delivery ({@code type} {@code event_callback}): the bridge builds Bolt's request itself. */
        EVENT_CALLBACK,
        /** Another shape Bolt parses (url_verification, a slash command, an interactivity payload...). */
        OTHER_KNOWN,
        /** Not a shape Bolt handles: refused before Bolt sees it. */
        UNKNOWN
    }

    /** Whether Bolt can parse this body without logging it. */
    static boolean knownToBolt(String body) {
        return kind(body) != Kind.UNKNOWN;
    }

    /** The body's kind; {@link Kind#UNKNOWN} for anything Bolt would not recognise. */
    static Kind kind(String body) {
        String trimmed = body.strip();
        if (trimmed.startsWith("{")) {
            String type = typeOf(trimmed);
            return "event_callback".equals(type)
                    ? Kind.EVENT_CALLBACK
                    : isOneOf(type, EVENT_TYPES) ? Kind.OTHER_KNOWN : Kind.UNKNOWN;
        }
        return formKnownToBolt(trimmed) ? Kind.OTHER_KNOWN : Kind.UNKNOWN;
    }

    private static boolean formKnownToBolt(String trimmed) {
        boolean command = false;
        for (String pair : trimmed.split("&", -1)) {
            if (pair.startsWith("payload=")) {
                String payload;
                try {
                    payload = URLDecoder.decode(pair.substring("payload=".length()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return false;
                }
                return isOneOf(typeOf(payload), PAYLOAD_TYPES);
            }
            command |= pair.startsWith("command=") || pair.startsWith("ssl_check=");
        }
        return command;
    }

    private static boolean isOneOf(String type, Set<String> types) {
        // Set.of(...).contains(null) throws.
        return type != null && types.contains(type);
    }

    /**
     * The top-level string {@code type} of a JSON object (the last one, as a parsed tree would keep it), or null.
     * Read as a stream, skipping values, so the body is not built into a tree only to be thrown away: Bolt parses it
     * properly afterwards (issue 13 counted three full parses of every body).
     */
    private static String typeOf(String json) {
        try (JsonReader reader = new JsonReader(new StringReader(json))) {
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                return null;
            }
            reader.beginObject();
            String type = null;
            while (reader.hasNext()) {
                if (reader.nextName().equals("type")) {
                    type = reader.peek() == JsonToken.STRING ? reader.nextString() : skip(reader);
                } else {
                    reader.skipValue();
                }
            }
            reader.endObject();
            return reader.peek() == JsonToken.END_DOCUMENT ? type : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String skip(JsonReader reader) throws IOException {
        reader.skipValue();
        return null;
    }
}
