package org.shoptalk.core.local;

import java.util.Optional;
import org.shoptalk.core.chat.ChatPlatform;
import org.shoptalk.core.chat.PlainText;

/** What people type into the local console, checked before anything is kept: texts, message ids, commands. */
final class LocalInput {
    /** Longest text one console message holds, typed by a person or posted by the bot. */
    static final int MAX_TEXT = 40_000;

    private static final String COMMAND = ChatPlatform.SLASH_COMMAND;

    private LocalInput() {}

    /** {@code text} as the console keeps it: cleaned and stripped, never blank nor longer than {@link #MAX_TEXT}. */
    static String text(String text) {
        if (text == null || PlainText.clean(text).isBlank()) {
            throw new LocalInputException("console.error.text.missing");
        }
        if (text.length() > MAX_TEXT) {
            throw new LocalInputException("console.error.text.too.long", MAX_TEXT, text.length());
        }
        return PlainText.clean(text).strip();
    }

    /** A message id as the console hands them out; empty for anything else, so an odd id is simply unknown. */
    static Optional<Long> id(String id) {
        if (id == null
                || id.isBlank()
                || id.length() > 18
                || !id.strip().chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(id.strip()));
    }

    /** In a channel only what starts with the slash command is one, as in Slack; in the private chat, all is. */
    static boolean isCommand(String text, boolean direct) {
        return direct
                || text.equals(COMMAND)
                || (text.startsWith(COMMAND) && Character.isWhitespace(text.charAt(COMMAND.length())));
    }
}
