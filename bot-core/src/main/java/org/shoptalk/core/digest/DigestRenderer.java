package org.shoptalk.core.digest;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.Excerpt;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;

/** Turns a {@link Digest} into a platform-neutral message in the guild's language. */
public final class DigestRenderer {
    private static final int EXCERPT = 600;

    private DigestRenderer() {
    }

    public static ChatMessage render(Digest d) {
        return render(d, Optional.empty());
    }

    /** With {@code page}, the digest also links to its web page, where the whole period and its history can be read. */
    public static ChatMessage render(Digest d, Optional<String> page) {
        Language lang = d.guild().language();
        Texts t = Texts.get();
        ZoneId zone = d.guild().zone();
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(lang.locale());
        DateTimeFormatter when = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", lang.locale());
        ChatMessage.Builder b = ChatMessage.builder()
                .header(t.t(lang, "digest.header", d.guild().name()))
                .context(t.t(lang, "digest.period", day.format(d.from().atZone(zone)), day.format(d.to().atZone(zone))));
        page.ifPresent(url -> b.link(t.t(lang, "digest.web"), url));
        if (d.rounds().isEmpty()) {
            b.text(t.t(lang, "digest.empty"));
        }
        for (Digest.RoundSummary r : d.rounds()) {
            b.divider().text(t.t(lang, "digest.prompt", r.round().promptText()))
                    .context(t.t(lang, "round.why", r.round().promptWhy()));
            for (String link : r.threadLinks()) {
                b.link(t.t(lang, "digest.thread"), link);
            }
            if (r.answers().isEmpty()) {
                b.context(t.t(lang, "digest.no.answers"));
            }
            for (Digest.AnswerLine a : r.answers()) {
                String who = a.respondsToName() == null ? a.authorName()
                        : t.t(lang, "digest.responds", a.authorName(), a.respondsToName());
                if (a.edited()) {
                    who = who + " " + t.t(lang, "digest.edited");
                }
                b.quote(Excerpt.cut(a.text(), EXCERPT), who);
            }
        }
        b.divider()
                .text(t.t(lang, "digest.participants", d.participants()))
                .text(t.t(lang, "digest.responses", d.responsesBetweenPeople()));
        Digest.Dialogue dialogue = d.dialogue();
        if (dialogue != null && !dialogue.isEmpty()) {
            b.divider().header(t.t(lang, "digest.dialogue.header"));
            dialogue.lively().forEach(l -> b.text(t.t(lang, "digest.lively", Excerpt.cut(l.prompt(), 120), l.responses())));
            if (!dialogue.openQuestions().isEmpty()) {
                b.text(t.t(lang, "digest.open.questions"));
                dialogue.openQuestions().forEach(q -> b.quote(Excerpt.cut(q.text(), 200), q.authorName()));
            }
            if (!dialogue.newGoals().isEmpty()) {
                b.text(t.t(lang, "digest.goals.new", String.join("; ", dialogue.newGoals().stream().map(g -> Excerpt.cut(g, 120)).toList())));
            }
            if (!dialogue.upcomingReviews().isEmpty()) {
                b.text(t.t(lang, "digest.goals.review", String.join("; ", dialogue.upcomingReviews().stream().map(g -> Excerpt.cut(g, 120)).toList())));
            }
            if (dialogue.pairsFormed() > 0) {
                b.text(t.t(lang, "digest.pairs", dialogue.pairsFormed()));
            }
        }
        if (d.upcoming().isEmpty()) {
            b.context(t.t(lang, "digest.upcoming.none"));
        } else {
            StringBuilder next = new StringBuilder(t.t(lang, "digest.upcoming"));
            d.upcoming().forEach(u -> next.append("\n- ").append(when.format(u)));
            b.text(next.toString());
        }
        return b.build();
    }
}
