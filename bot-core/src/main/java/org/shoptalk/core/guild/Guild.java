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
        Dialogue dialogue) {

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
    }
}
