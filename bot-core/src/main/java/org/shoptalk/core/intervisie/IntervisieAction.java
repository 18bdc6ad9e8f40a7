package org.shoptalk.core.intervisie;

import java.util.Locale;
import java.util.Optional;

/** What a person can do in a session, by command or by one word in its thread, in either language. */
public enum IntervisieAction {
    JOIN,
    LEAVE,
    NEXT,
    /** The case-bringer shares the session's takeaways with the digest; anyone else agrees to share their own. */
    SHARE,
    /** Takes back a {@link #SHARE}: the case-bringer's for the whole session, anyone else's for their own takeaway. */
    KEEP;

    /** The action a whole thread message asks for ("Join!", "volgende."); empty for an ordinary message. */
    public static Optional<IntervisieAction> of(String text) {
        String w = text.strip().toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "");
        return switch (w) {
            case "join", "meedoen" -> Optional.of(JOIN);
            case "leave", "verlaten" -> Optional.of(LEAVE);
            case "next", "volgende" -> Optional.of(NEXT);
            case "share", "delen" -> Optional.of(SHARE);
            case "keep", "houden" -> Optional.of(KEEP);
            default -> Optional.empty();
        };
    }

    /**
     * The action of a word the command parser accepted.
     *
     * @throws IllegalArgumentException for any other word
     */
    public static IntervisieAction parse(String word) {
        return of(word).orElseThrow(() -> new IllegalArgumentException("not an intervisie action: " + word));
    }
}
