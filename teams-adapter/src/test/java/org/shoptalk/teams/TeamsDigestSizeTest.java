package org.shoptalk.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.Platform;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.digest.Digest;
import org.shoptalk.core.digest.DigestRenderer;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.testing.BusyWeek;

/** A busy week's digest card stays under 28 KB, measured on the card JSON the activity carries. */
class TeamsDigestSizeTest {
    private static final Tenant TENANT = new Tenant(Platform.TEAMS, "tenant-1");
    private static final int LIMIT = 28 * 1024;

    private static ChatMessage digest(Digest week) {
        return DigestRenderer.render(week, Optional.of(BusyWeek.PAGE), AdaptiveCards.LIMITS, AdaptiveCards::fits);
    }

    @ParameterizedTest(name = "{0}, {1} round(s)")
    @CsvSource({"EN, 1", "EN, 4", "NL, 1", "NL, 4", "EN, 12"})
    void a_week_of_100_answers_of_500_characters_is_a_card_under_28_kb(Language language, int rounds) {
        ChatMessage message = digest(BusyWeek.of(TENANT, language, rounds, 100, 500));
        String card = AdaptiveCards.card(message).toString();
        int bytes = card.getBytes(StandardCharsets.UTF_8).length;

        assertThat(bytes).isLessThan(LIMIT);
        assertThat(card.length() * 2).as("UTF-16 bytes").isLessThan(100 * 1024);
        assertThat(card).contains("](" + BusyWeek.PAGE + ")").contains("Answer 0-");
        assertThat(card).contains(language == Language.EN ? "(100 in all" : "(100 in totaal");
        System.out.printf(
                "Teams digest card, %s, %d round(s), 100 answers of 500 characters: %d bytes%n",
                language, rounds, bytes);
    }

    @Test
    void quoting_every_answer_would_not_fit_so_the_measure_can_fail() {
        Digest week = BusyWeek.of(TENANT, Language.EN, 4, 100, 500);
        ChatMessage.Builder everything = ChatMessage.builder().header("This week");
        week.rounds().forEach(r -> r.answers().forEach(a -> everything.quote(a.text(), a.authorName())));

        assertThat(AdaptiveCards.fits(everything.build())).isFalse();
    }
}
