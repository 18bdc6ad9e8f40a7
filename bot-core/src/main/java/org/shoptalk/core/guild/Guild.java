package org.shoptalk.core.guild;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.i18n.Language;

/** A guild (vakgenootschap): professionals of one craft who reflect together in one or more channels. */
public record Guild(
        long id,
        Tenant tenant,
        String name,
        Language language,
        ZoneId zone,
        DayOfWeek digestDay,
        LocalTime digestTime,
        Instant createdAt,
        Dialogue dialogue,
        Keeping keeping) {

    /** A guild with the default {@link Keeping}: for tests and readers that do not care how long data is kept. */
    public Guild(
            long id,
            Tenant tenant,
            String name,
            Language language,
            ZoneId zone,
            DayOfWeek digestDay,
            LocalTime digestTime,
            Instant createdAt,
            Dialogue dialogue) {
        this(id, tenant, name, language, zone, digestDay, digestTime, createdAt, dialogue, Keeping.DEFAULT);
    }

    /**
     * What the guild keeps and shows (issue 15, section 4; docs/retention.md). {@code retentionMonths}:
     * answers, threads and records older than this many months are purged daily, from {@link #MIN_MONTHS} to
     * {@link #MAX_MONTHS}. {@code anonymityThreshold}: a round with fewer answers shows no details around an
     * anonymous answer, never fewer than {@link #MIN_ANONYMITY}. {@code purgedBefore}: everything before this
     * instant was purged (null: nothing yet), so pages for those weeks say so honestly.
     */
    public record Keeping(int retentionMonths, int anonymityThreshold, Instant purgedBefore) {
        public static final int DEFAULT_MONTHS = 24;
        /** Half a year: shorter would remove a moment before a guild has looked back on it in a review season. */
        public static final int MIN_MONTHS = 6;
        /** Ten years: longer than any re-registration period we know of. */
        public static final int MAX_MONTHS = 120;
        /** Three answers, the rule since anonymous answers came in (docs/dialogue.md). */
        public static final int MIN_ANONYMITY = 3;
        /** A round with more answers than this is rare in a guild of 6-8 core members; higher would hide always. */
        public static final int MAX_ANONYMITY = 20;

        public static final Keeping DEFAULT = new Keeping(DEFAULT_MONTHS, MIN_ANONYMITY, null);

        public Keeping {
            if (retentionMonths < MIN_MONTHS || retentionMonths > MAX_MONTHS) {
                throw new IllegalArgumentException("retention months out of range: " + retentionMonths);
            }
            if (anonymityThreshold < MIN_ANONYMITY || anonymityThreshold > MAX_ANONYMITY) {
                throw new IllegalArgumentException("anonymity threshold out of range: " + anonymityThreshold);
            }
        }
    }

    /**
     * How the guild wants dialogue kindled: the "connect the answers" nudge (on or off, and after how long
     * without responses) and the rhythm of professional-friend pairs (0 = no pairing).
     */
    public record Dialogue(boolean connectEnabled, java.time.Duration connectAfter, int pairsEveryWeeks) {
        public static final Dialogue DEFAULT = new Dialogue(true, java.time.Duration.ofHours(24), 0);
    }

    public static final DayOfWeek DEFAULT_DIGEST_DAY = DayOfWeek.FRIDAY;
    public static final LocalTime DEFAULT_DIGEST_TIME = LocalTime.of(16, 0);

    public Guild {
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(name);
        Objects.requireNonNull(language);
        Objects.requireNonNull(zone);
        Objects.requireNonNull(digestDay);
        Objects.requireNonNull(digestTime);
        dialogue = dialogue == null ? Dialogue.DEFAULT : dialogue;
        keeping = keeping == null ? Keeping.DEFAULT : keeping;
    }
}
