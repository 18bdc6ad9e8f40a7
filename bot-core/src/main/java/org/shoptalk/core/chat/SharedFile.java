package org.shoptalk.core.chat;

import java.util.List;
import java.util.Objects;

/**
 * Something a person shared with a message: a file or an image, known by its name only. Core never holds a file's
 * address or content (privacy; Slack's file URLs need the bot's token anyway), so nothing can be fetched from here.
 *
 * @param name the file's name as the platform gave it, made safe like message text and cut to {@value #MAX_NAME}
 *     characters; empty when the platform sent none (an image pasted into Teams)
 * @param kind whether it is an image or any other file
 */
public record SharedFile(String name, Kind kind) {
    /** The longest name kept; longer names are cut with "…". */
    public static final int MAX_NAME = 200;
    /** The most files kept for one message; Slack allows 10 per message, Teams about as many. */
    public static final int MAX_FILES = 20;

    public enum Kind {
        IMAGE,
        FILE
    }

    public SharedFile {
        Objects.requireNonNull(kind, "kind");
        // One line: a name is shown inside a sentence ("shared a file: a.png").
        name = Excerpt.line(PlainText.clean(name), MAX_NAME);
    }

    /** At most {@link #MAX_FILES}, in the order shared; null reads as none. */
    public static List<SharedFile> list(List<SharedFile> files) {
        return files == null
                ? List.of()
                : files.stream().filter(Objects::nonNull).limit(MAX_FILES).toList();
    }
}
