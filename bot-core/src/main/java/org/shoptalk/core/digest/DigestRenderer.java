package org.shoptalk.core.digest;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatform;
import org.shoptalk.core.chat.Excerpt;
import org.shoptalk.core.chat.MessageLimits;
import org.shoptalk.core.i18n.Dates;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;
import org.shoptalk.core.intervisie.Intervisies;

/**
 * Turns a {@link Digest} into the message people read in chat, in the guild's language: the period, the figures,
 * each round's question with a few short quotes (the liveliest exchange first), the open questions, what is coming,
 * and the link to the web page, which holds every answer. The chat digest is a summary by design: it is shaped to
 * the platform's limits from the richest {@link Shape} down, measured by the platform on the rendered payload, and
 * ends at {@link #brief}, which always fits. Which quotes to keep is decided here, never in an adapter. Stateless.
 */
public final class DigestRenderer {
    private static final int PROMPT_CHARS = 500;
    private static final int WHY_CHARS = 300;
    private static final int LINE_CHARS = 120;
    private static final int LIST_ITEMS = 3;
    private static final int THREAD_LINKS = 2;

    /**
     * How much of the period one chat digest shows.
     *
     * @param rounds         rounds shown with their question
     * @param quotesPerRound quotes per round, taken from its highlights
     * @param quoteChars     the longest a quote gets
     * @param openQuestions  open questions quoted
     */
    record Shape(int rounds, int quotesPerRound, int quoteChars, int openQuestions) {}

    /** From the richest to the barest; the first the platform accepts is posted. */
    static final List<Shape> SHAPES = List.of(
            new Shape(6, 4, 300, 3),
            new Shape(6, 3, 220, 3),
            new Shape(5, 2, 160, 2),
            new Shape(4, 1, 120, 1),
            new Shape(3, 0, 0, 0));

    private DigestRenderer() {}

    public static ChatMessage render(Digest d) {
        return render(d, Optional.empty());
    }

    /** With {@code page}, the digest links to its web page, where every answer of the period can be read. */
    public static ChatMessage render(Digest d, Optional<String> page) {
        return render(d, page, MessageLimits.GENEROUS, m -> true);
    }

    /** As the 5-argument form, for the slash-command platforms. */
    public static ChatMessage render(
            Digest d, Optional<String> page, MessageLimits limits, Predicate<ChatMessage> fits) {
        return render(d, page, limits, fits, ChatPlatform.SLASH_COMMAND);
    }

    /** The digest as {@code platform} will take it, measured by the platform itself. */
    public static ChatMessage render(Digest d, Optional<String> page, ChatPlatform platform) {
        return render(d, page, platform.limits(), platform::fits, platform.invocation());
    }

    /**
     * The richest shape within {@code limits} that {@code fits} accepts, or {@link #brief} when none does;
     * {@code invocation} is how people there invoke a command ({@link ChatPlatform#invocation()}).
     */
    public static ChatMessage render(
            Digest d, Optional<String> page, MessageLimits limits, Predicate<ChatMessage> fits, String invocation) {
        for (Shape shape : SHAPES) {
            ChatMessage message = shaped(d, page, shape, limits, invocation);
            if (limits.admits(message) && fits.test(message)) {
                return message;
            }
        }
        return brief(d, page);
    }

    /**
     * The short version: header, period, figures and the way to everything else (the web page, or the threads when
     * there is no page). Posted where a platform refuses the full digest.
     */
    public static ChatMessage brief(Digest d, Optional<String> page) {
        Language lang = d.guild().language();
        Texts t = Texts.get();
        ChatMessage.Builder b = top(d, MessageLimits.GENEROUS);
        b.context(t.t(lang, "digest.brief"));
        if (page.isPresent()) {
            b.link(t.t(lang, "digest.read.all", d.answerCount()), page.get());
        } else {
            d.rounds().stream()
                    .flatMap(r -> r.threadLinks().stream().limit(1))
                    .limit(SHAPES.get(0).rounds())
                    .forEach(link -> b.link(t.t(lang, "digest.thread"), link));
        }
        return b.build();
    }

    static ChatMessage shaped(Digest d, Optional<String> page, Shape shape, MessageLimits limits, String invocation) {
        Language lang = d.guild().language();
        Texts t = Texts.get();
        ChatMessage.Builder b = top(d, limits);
        if (d.rounds().isEmpty()) {
            b.text(t.tFor(lang, invocation, "digest.empty"));
        }
        for (Digest.RoundSummary r : d.rounds().stream().limit(shape.rounds()).toList()) {
            b.divider()
                    .text(t.t(lang, "digest.prompt", Excerpt.cut(r.round().promptText(), PROMPT_CHARS)))
                    .context(t.t(lang, "round.why", Excerpt.cut(r.round().promptWhy(), WHY_CHARS)));
            r.threadLinks().stream().limit(THREAD_LINKS).forEach(link -> b.link(t.t(lang, "digest.thread"), link));
            if (r.answers().isEmpty()) {
                b.context(t.t(lang, "digest.no.answers"));
                continue;
            }
            List<Integer> quoted = r.highlights().stream()
                    .limit(shape.quotesPerRound())
                    .sorted()
                    .toList();
            for (int i : quoted) {
                quote(b, r.answers().get(i), shape.quoteChars(), lang);
            }
            if (quoted.size() < r.answers().size()) {
                b.context(t.t(
                        lang,
                        page.isPresent() ? "digest.more.answers" : "digest.more.answers.thread",
                        quoted.size(),
                        r.answers().size()));
            }
        }
        int hidden = d.rounds().size() - shape.rounds();
        if (hidden > 0) {
            b.context(t.t(lang, page.isPresent() ? "digest.more.rounds" : "digest.more.rounds.thread", hidden));
        }
        dialogue(b, d.dialogue(), shape, lang);
        upcoming(b, d, lang);
        page.ifPresent(url -> b.divider().link(t.t(lang, "digest.read.all", d.answerCount()), url));
        return b.build();
    }

    /** Header, period and the figures: what every shape starts with. */
    private static ChatMessage.Builder top(Digest d, MessageLimits limits) {
        Language lang = d.guild().language();
        Texts t = Texts.get();
        ZoneId zone = d.guild().zone();
        return ChatMessage.builder()
                .header(Excerpt.line(t.t(lang, "digest.header", d.guild().name()), limits.headerChars()))
                .context(t.t(
                        lang,
                        "digest.period",
                        Dates.date(lang, d.from().atZone(zone).toLocalDate()),
                        Dates.date(lang, d.to().atZone(zone).toLocalDate())))
                .text(t.t(lang, "digest.participants", d.participants())
                        + "\n" + t.t(lang, "digest.answers", d.answerCount())
                        + "\n" + t.t(lang, "digest.responses", d.responsesBetweenPeople()));
    }

    private static void quote(ChatMessage.Builder b, Digest.AnswerLine a, int chars, Language lang) {
        Texts t = Texts.get();
        String who = a.respondsToName() == null
                ? a.authorName()
                : t.t(lang, "digest.responds", a.authorName(), a.respondsToName());
        if (a.edited()) {
            who = who + " " + t.t(lang, "digest.edited");
        }
        b.quote(Excerpt.cut(a.text(), chars), who);
    }

    private static void dialogue(ChatMessage.Builder b, Digest.Dialogue dialogue, Shape shape, Language lang) {
        if (dialogue == null || dialogue.isEmpty()) {
            return;
        }
        Texts t = Texts.get();
        b.divider().header(t.t(lang, "digest.dialogue.header"));
        dialogue.lively().stream()
                .limit(LIST_ITEMS)
                .forEach(l -> b.text(t.t(lang, "digest.lively", Excerpt.line(l.prompt(), LINE_CHARS), l.responses())));
        List<Digest.AnswerLine> open = dialogue.openQuestions();
        if (!open.isEmpty()) {
            b.text(t.t(lang, "digest.open.questions"));
            open.stream()
                    .limit(shape.openQuestions())
                    .forEach(q ->
                            b.quote(Excerpt.cut(q.text(), Math.max(shape.quoteChars(), LINE_CHARS)), q.authorName()));
            if (open.size() > shape.openQuestions()) {
                b.context(t.t(lang, "digest.open.more", open.size()));
            }
        }
        if (!dialogue.newGoals().isEmpty()) {
            b.text(t.t(lang, "digest.goals.new", list(dialogue.newGoals())));
        }
        if (!dialogue.upcomingReviews().isEmpty()) {
            b.text(t.t(lang, "digest.goals.review", list(dialogue.upcomingReviews())));
        }
        if (dialogue.pairsMet() > 0) {
            b.text(t.t(lang, "digest.pairs", dialogue.pairsMet()));
        }
        for (Intervisies.Finished held : dialogue.intervisies()) {
            b.text(t.t(lang, "digest.intervisie", held.participants()));
            if (!held.takeaways().isEmpty()) {
                // Unattributed by design: a takeaway is shared, its author is not (docs/intervisie.md).
                b.context(t.t(lang, "digest.intervisie.takeaways"));
                // As many as a round's quotes in this shape, so sharing never pushes the digest to its short form.
                held.takeaways().stream()
                        .limit(shape.quotesPerRound())
                        .forEach(text -> b.quote(Excerpt.cut(text, Math.max(shape.quoteChars(), LINE_CHARS)), null));
                if (held.takeaways().size() > shape.quotesPerRound()) {
                    b.context(t.t(
                            lang,
                            "digest.intervisie.takeaways.all",
                            held.takeaways().size()));
                }
            }
        }
    }

    private static String list(List<String> items) {
        String shown = String.join(
                "; ",
                items.stream()
                        .limit(LIST_ITEMS)
                        .map(g -> Excerpt.line(g, LINE_CHARS))
                        .toList());
        return items.size() > LIST_ITEMS ? shown + "; …" : shown;
    }

    private static void upcoming(ChatMessage.Builder b, Digest d, Language lang) {
        Texts t = Texts.get();
        if (d.upcoming().isEmpty()) {
            b.context(t.t(lang, "digest.upcoming.none"));
            return;
        }
        StringBuilder next = new StringBuilder(t.t(lang, "digest.upcoming"));
        d.upcoming().forEach(u -> next.append("\n- ").append(Dates.dayTime(lang, u)));
        b.text(next.toString());
    }
}
