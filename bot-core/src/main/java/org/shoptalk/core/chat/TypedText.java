package org.shoptalk.core.chat;

/**
 * Core's neutral text marks a mention as {@code <@id>} ({@link ChatEvent}, {@code CommandRequest}), and only the
 * platform may say who is mentioned (issue 11: a Slack user who typed the characters {@code <@U123>} got U123 pinged
 * in a digest). Adapters pass every stretch of text a person typed through {@link #literal}, and write a mention the
 * platform itself encoded with {@link #mention}.
 */
public final class TypedText {
    /**
     * U+2060 WORD JOINER: invisible, so typed text still reads as typed on every surface, yet it breaks the
     * {@code <@} that every reading of a mention (core's, Slack's, Teams') starts with.
     */
    public static final char WORD_JOINER = '\u2060';

    private TypedText() {}

    /** Typed characters as neutral text: a typed {@code <@} gets a word joiner between its two characters. */
    public static String literal(String typed) {
        if (typed == null) {
            return "";
        }
        return typed.indexOf("<@") < 0 ? typed : typed.replace("<@", "<" + WORD_JOINER + "@");
    }

    /** A mention of the person with this platform id, in the neutral form. */
    public static String mention(String id) {
        return "<@" + id + ">";
    }
}
