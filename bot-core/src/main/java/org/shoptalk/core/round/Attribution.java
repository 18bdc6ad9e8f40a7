package org.shoptalk.core.round;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.i18n.Dates;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;

/**
 * The one anonymity rule: what a reader may learn about who wrote an answer, whom it responds to, and when.
 * Every surface that shows answers (the chat digest, the digest page, the Markdown, CSV and JSON exports, the
 * "connect the answers" nudge) names people through this class, so they cannot drift apart.
 * <ul>
 *   <li>An anonymous answer is from "a colleague" (in the guild's language), carries no author id, and is dated
 *       to the day only, in the guild's time zone; its edit time is never shown.</li>
 *   <li>In a round with fewer answers than the guild's anonymity threshold (never fewer than {@link #FEW_ANSWERS};
 *       {@code guild anonymity N}), an anonymous answer also shows no "responding to" and no "edited": with so few
 *       answers, such details could tell who wrote it.</li>
 *   <li>An answer that responds to the writer of an anonymous answer responds to "a colleague", with no id,
 *       also when that anonymous answer was withdrawn since.</li>
 *   <li>Named answers carry their author's name and id and their exact time.</li>
 * </ul>
 * Immutable; thread-safe when {@code names} is.
 */
public final class Attribution {
    /** Every pseudonym stored instead of an anonymous answer's author starts with this; no platform id does. */
    public static final String PSEUDONYM_PREFIX = "anon:";
    /** The floor of the anonymity threshold, and its default: rounds with fewer answers show no details. */
    public static final int FEW_ANSWERS = org.shoptalk.core.guild.Guild.Keeping.MIN_ANONYMITY;

    private final ZoneId zone;
    private final int threshold;
    private final String colleague;
    private final Function<UserRef, String> names;

    /**
     * @param zone the guild's time zone, in which days are counted
     * @param language the language "a colleague" is said in
     * @param names a person's display name; never asked for the writer of an anonymous answer
     */
    public Attribution(ZoneId zone, Language language, Function<UserRef, String> names) {
        this(zone, language, names, FEW_ANSWERS);
    }

    /** The rule for a guild: its zone, language and anonymity threshold. */
    public Attribution(org.shoptalk.core.guild.Guild guild, Function<UserRef, String> names) {
        this(guild.zone(), guild.language(), names, guild.keeping().anonymityThreshold());
    }

    /**
     * @param threshold a round with fewer answers shows no details around an anonymous answer; at least
     *     {@link #FEW_ANSWERS}
     * @throws IllegalArgumentException for a threshold below the floor
     */
    public Attribution(ZoneId zone, Language language, Function<UserRef, String> names, int threshold) {
        if (threshold < FEW_ANSWERS) {
            throw new IllegalArgumentException("anonymity threshold below " + FEW_ANSWERS + ": " + threshold);
        }
        this.threshold = threshold;
        this.zone = Objects.requireNonNull(zone);
        this.colleague = colleague(language);
        this.names = Objects.requireNonNull(names);
    }

    /** When an answer was given, as far as readers may know. */
    public sealed interface When {
        /** The day in the guild's time zone. */
        LocalDate day();

        /** ISO-8601: a UTC instant ({@code 2026-11-23T14:05:00Z}) for an exact time, a date ({@code 2026-11-23}) for a day. */
        String iso();

        /** For people to read: the exact time as {@link Dates#dateTime}, or the day alone as {@link Dates#date}. */
        String format(Language language);

        /** A named answer's exact time, in the guild's time zone. */
        record At(ZonedDateTime time) implements When {
            @Override
            public LocalDate day() {
                return time.toLocalDate();
            }

            @Override
            public String iso() {
                return time.toInstant().toString();
            }

            @Override
            public String format(Language language) {
                return Dates.dateTime(language, time);
            }
        }

        /** An anonymous answer's day, in the guild's time zone: the time of day could point at its writer. */
        record OnDay(LocalDate day) implements When {
            @Override
            public String iso() {
                return day.toString();
            }

            @Override
            public String format(Language language) {
                return Dates.date(language, day);
            }
        }
    }

    /**
     * One answer as readers see it. {@code authorId} is null for an anonymous answer; {@code respondsToId} and
     * {@code respondsToName} are null when the answer stands on its own or the rule withholds it, and
     * {@code respondsToId} alone is null when it responds to an anonymous writer. {@code editedAt} is null when
     * the answer was not edited or is anonymous; {@code edited} says whether readers may see it was edited.
     */
    public record Byline(
            String authorId,
            String authorName,
            String respondsToId,
            String respondsToName,
            When posted,
            Instant editedAt,
            boolean edited,
            boolean anonymous) {}

    /** What an anonymous writer is called: "a colleague", in the given language. */
    public static String colleague(Language language) {
        return Texts.get().t(language, "anonymous.name");
    }

    /** Whether this id is a pseudonym standing in for the writer of an anonymous answer. */
    public static boolean isPseudonym(UserRef user) {
        return user.id().startsWith(PSEUDONYM_PREFIX);
    }

    /**
     * The bylines of one round's answers.
     *
     * @param round all answers of one round, as stored now: the count decides whether details are withheld
     * @return one byline per answer, in the same order
     */
    public List<Byline> round(List<Answer> round) {
        Set<UserRef> anonymousWriters = new HashSet<>();
        round.stream().filter(Answer::anonymous).forEach(a -> anonymousWriters.add(a.author()));
        boolean few = round.size() < threshold;
        List<Byline> out = new ArrayList<>(round.size());
        for (Answer a : round) {
            out.add(byline(a, few, anonymousWriters));
        }
        return out;
    }

    /** The name an answer is quoted under: "a colleague" for an anonymous one. */
    public String author(Answer answer) {
        return answer.anonymous() ? colleague : names.apply(answer.author());
    }

    private Byline byline(Answer a, boolean few, Set<UserRef> anonymousWriters) {
        boolean hide = a.anonymous() && few;
        UserRef to = hide ? null : a.respondsTo();
        boolean toAnonymous = to != null && (anonymousWriters.contains(to) || isPseudonym(to));
        String toId = to == null || toAnonymous ? null : to.id();
        String toName = to == null ? null : toAnonymous ? colleague : names.apply(to);
        if (a.anonymous()) {
            return new Byline(
                    null,
                    colleague,
                    toId,
                    toName,
                    new When.OnDay(a.postedAt().atZone(zone).toLocalDate()),
                    null,
                    !hide && a.editedAt() != null,
                    true);
        }
        return new Byline(
                a.author().id(),
                names.apply(a.author()),
                toId,
                toName,
                new When.At(a.postedAt().atZone(zone)),
                a.editedAt(),
                a.editedAt() != null,
                false);
    }
}
