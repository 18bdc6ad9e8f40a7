package org.shoptalk.core.guild;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.i18n.Language;

/** A guild (vakgenootschap): professionals of one craft who reflect together in one or more channels. */
public record Guild(long id, Tenant tenant, String name, Language language, ZoneId zone,
                    DayOfWeek digestDay, LocalTime digestTime, Instant createdAt) {
    public static final DayOfWeek DEFAULT_DIGEST_DAY = DayOfWeek.FRIDAY;
    public static final LocalTime DEFAULT_DIGEST_TIME = LocalTime.of(16, 0);

    public Guild {
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(name);
        Objects.requireNonNull(language);
        Objects.requireNonNull(zone);
        Objects.requireNonNull(digestDay);
        Objects.requireNonNull(digestTime);
    }
}
