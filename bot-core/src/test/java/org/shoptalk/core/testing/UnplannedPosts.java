package org.shoptalk.core.testing;

import org.shoptalk.core.db.Database;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;

/**
 * What a test that runs real Quartz on the real clock needs to tell its own posts from posts it did not plan: every
 * guild's weekly digest (Friday 16:00 in its zone, by default) and the moments of any schedule it set. A few seconds
 * of a test can straddle such a time, so tests pick a post by what it is (a digest, a moment, a text it holds), not by
 * its position, and count the unplanned ones from what core recorded.
 */
public final class UnplannedPosts {
    private UnplannedPosts() {}

    /** Whether a post's text (or payload) holds a digest's header, in any language: "This week in GUILD". */
    public static boolean isDigest(String text) {
        for (Language language : Language.values()) {
            String header = Texts.get().pattern(language, "digest.header");
            if (text.contains(header.substring(0, header.indexOf("{0}")))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a post's text (or payload) holds a reflection moment's header, in any language. */
    public static boolean isMoment(String text) {
        for (Language language : Language.values()) {
            String header = Texts.get().pattern(language, "round.header");
            if (text.contains(header.substring(0, header.indexOf("{0}")))) {
                return true;
            }
        }
        return false;
    }

    /** Channel posts core recorded for scheduled digests (a digest asked for with a command is not recorded). */
    public static long scheduledDigests(Database database) {
        return database.withHandle(h -> h.count("SELECT COUNT(*) FROM digest_channel WHERE state = 'DONE'"));
    }

    /** Rounds core opened for a schedule (a moment asked for with a command has none). */
    public static long scheduledMoments(Database database) {
        return database.withHandle(h -> h.count("SELECT COUNT(*) FROM round WHERE schedule_id IS NOT NULL"));
    }
}
