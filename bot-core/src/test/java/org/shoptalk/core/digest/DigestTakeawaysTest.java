package org.shoptalk.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.intervisie.Intervisies;
import org.shoptalk.core.testing.BusyWeek;

/** Shared intervisie takeaways in the chat digest never crowd out the rest (docs/intervisie.md#sharing-takeaways). */
class DigestTakeawaysTest {
    @Test
    void the_chat_digest_quotes_as_many_takeaways_as_a_rounds_quotes_then_counts_them_all() {
        Digest week = BusyWeek.of(Tenant.LOCAL, Language.EN, 1, 2, 40);
        Digest.Dialogue d = week.dialogue();
        List<String> six = List.of("one", "two", "three", "four", "five", "six");
        Digest withTakeaways = new Digest(
                week.guild(),
                week.from(),
                week.to(),
                week.rounds(),
                week.participants(),
                week.responsesBetweenPeople(),
                week.upcoming(),
                new Digest.Dialogue(
                        d.lively(),
                        d.openQuestions(),
                        d.newGoals(),
                        d.upcomingReviews(),
                        d.pairsMet(),
                        List.of(new Intervisies.Finished(week.to(), 4, six))));

        ChatMessage richest = DigestRenderer.render(withTakeaways, Optional.of(BusyWeek.PAGE));

        List<String> quoted = richest.blocks().stream()
                .filter(b -> b instanceof ChatMessage.Block.Quote q && q.attribution() == null)
                .map(b -> ((ChatMessage.Block.Quote) b).text())
                .toList();
        assertThat(quoted).containsExactly("one", "two", "three", "four");
        assertThat(richest.plainText("/shoptalk"))
                .contains("An intervisie took place, with 4 people taking part.")
                .contains("Shared takeaways in all: 6; the web page shows each.");
    }
}
