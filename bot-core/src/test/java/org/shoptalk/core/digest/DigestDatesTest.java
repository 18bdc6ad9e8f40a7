package org.shoptalk.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.i18n.Language;

/**
 * The chat digest (Slack's blocks and the Teams card are both rendered from it) dates its period and what is coming in
 * the guild's language and zone: the same moments read Dutch for a Dutch guild and English for an English one.
 */
class DigestDatesTest {
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Instant FROM = Instant.parse("2026-11-30T08:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-04T15:00:00Z");

    private static String digest(Language language) {
        Guild guild = new Guild(
                1, Tenant.LOCAL, "Craft", language, AMSTERDAM, DayOfWeek.FRIDAY, LocalTime.of(16, 0), FROM, null);
        Digest d = new Digest(
                guild,
                FROM,
                TO,
                List.of(),
                0,
                0,
                List.of(Instant.parse("2026-12-07T08:30:00Z").atZone(AMSTERDAM)),
                null);
        return DigestRenderer.render(d).plainText("/shoptalk");
    }

    @Test
    void a_dutch_digest_dates_in_dutch() {
        assertThat(digest(Language.NL))
                .contains("30 november 2026 - 4 december 2026")
                .contains("Binnenkort:\n- ma 7 dec, 09:30")
                .doesNotContain("2026-12");
    }

    @Test
    void an_english_digest_dates_in_english() {
        assertThat(digest(Language.EN))
                .contains("November 30, 2026 - December 4, 2026")
                .contains("Coming up:\n- Mon, Dec 7, 09:30")
                .doesNotContain("2026-12");
    }
}
