package org.shoptalk.core.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.i18n.Language;

/** The one anonymity rule every surface names people by. */
class AttributionTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ChannelRef CRAFT = new ChannelRef(Tenant.LOCAL, "craft");
    private static final UserRef ANN = new UserRef(Tenant.LOCAL, "ann");
    private static final UserRef BOB = new UserRef(Tenant.LOCAL, "bob");
    private static final UserRef CAS = new UserRef(Tenant.LOCAL, "cas");
    private static final UserRef SECRET_WRITER = new UserRef(Tenant.LOCAL, "anon:v2:Qx7pseudonymOfSomeone");
    /** Monday 23 November 2026, 15:00 in New York. */
    private static final Instant MONDAY_AFTERNOON_NY = Instant.parse("2026-11-23T20:00:00Z");

    private final List<UserRef> asked = new ArrayList<>();

    private String name(UserRef u) {
        asked.add(u);
        return u.id().toUpperCase(Locale.ROOT);
    }

    private static Answer named(long id, UserRef author, UserRef respondsTo, Instant at) {
        return new Answer(id, 1, CRAFT, "m" + id, author, "words " + id, respondsTo, at, null, false);
    }

    private static Answer anonymous(long id, UserRef pseudonym, Instant at, Instant editedAt) {
        return new Answer(id, 1, CRAFT, "m" + id, pseudonym, "words " + id, null, at, editedAt, true);
    }

    @Test
    void an_anonymous_answer_is_dated_by_its_day_in_the_guilds_zone_not_in_utc() {
        Attribution rule = new Attribution(NEW_YORK, Language.EN, this::name);
        // Monday afternoon and Monday late evening in New York; the second is already Tuesday in UTC.
        List<Attribution.Byline> bylines = rule.round(List.of(
                anonymous(1, SECRET_WRITER, MONDAY_AFTERNOON_NY, null),
                anonymous(2, new UserRef(Tenant.LOCAL, "anon:v2:other"), Instant.parse("2026-11-24T02:30:00Z"), null),
                named(3, BOB, null, MONDAY_AFTERNOON_NY)));

        assertThat(bylines.get(0).posted()).isEqualTo(new Attribution.When.OnDay(LocalDate.of(2026, 11, 23)));
        assertThat(bylines.get(1).posted()).isEqualTo(new Attribution.When.OnDay(LocalDate.of(2026, 11, 23)));
        assertThat(bylines.get(0).posted().iso()).isEqualTo("2026-11-23");
        assertThat(bylines.get(0).posted().format(Language.EN)).isEqualTo("November 23, 2026");
        assertThat(bylines.get(0).posted().format(Language.NL)).isEqualTo("23 november 2026");
        assertThat(bylines.get(2).posted().iso()).isEqualTo("2026-11-23T20:00:00Z");
        assertThat(bylines.get(2).posted().format(Language.EN)).isEqualTo("Mon, Nov 23, 2026, 15:00");
        assertThat(bylines.get(2).posted().format(Language.NL)).isEqualTo("ma 23 nov 2026, 15:00");
    }

    @Test
    void an_anonymous_answer_is_from_a_colleague_with_no_id_and_no_edit_time_and_its_writer_is_never_looked_up() {
        Attribution rule = new Attribution(NEW_YORK, Language.NL, this::name);
        Instant edited = MONDAY_AFTERNOON_NY.plusSeconds(600);
        List<Attribution.Byline> bylines = rule.round(List.of(
                named(1, ANN, null, MONDAY_AFTERNOON_NY),
                anonymous(2, SECRET_WRITER, MONDAY_AFTERNOON_NY, edited),
                named(3, CAS, null, MONDAY_AFTERNOON_NY)));

        Attribution.Byline anon = bylines.get(1);
        assertThat(anon.authorName()).isEqualTo("een collega");
        assertThat(anon.authorId()).isNull();
        assertThat(anon.anonymous()).isTrue();
        assertThat(anon.editedAt()).isNull();
        assertThat(anon.edited())
                .as("three answers: an edit may show, its time never")
                .isTrue();
        assertThat(asked).doesNotContain(SECRET_WRITER);
        assertThat(rule.author(anonymous(2, SECRET_WRITER, MONDAY_AFTERNOON_NY, null)))
                .isEqualTo("een collega");
    }

    @Test
    void responding_to_an_anonymous_writer_is_responding_to_a_colleague_even_after_that_answer_was_withdrawn() {
        Attribution rule = new Attribution(NEW_YORK, Language.EN, this::name);
        UserRef withdrawn = new UserRef(Tenant.LOCAL, "anon:gone0000000000000000000000000");
        List<Attribution.Byline> bylines = rule.round(List.of(
                named(1, BOB, null, MONDAY_AFTERNOON_NY),
                anonymous(2, SECRET_WRITER, MONDAY_AFTERNOON_NY.plusSeconds(60), null),
                named(3, BOB, SECRET_WRITER, MONDAY_AFTERNOON_NY.plusSeconds(120)),
                named(4, CAS, withdrawn, MONDAY_AFTERNOON_NY.plusSeconds(180)),
                named(5, ANN, BOB, MONDAY_AFTERNOON_NY.plusSeconds(240))));

        assertThat(bylines)
                .extracting(b -> b.authorName() + " -> " + b.respondsToName() + " (" + b.respondsToId() + ")")
                .containsExactly(
                        "BOB -> null (null)",
                        "a colleague -> null (null)",
                        "BOB -> a colleague (null)",
                        "CAS -> a colleague (null)",
                        "ANN -> BOB (bob)");
        assertThat(asked).doesNotContain(SECRET_WRITER, withdrawn);
    }

    @Test
    void with_fewer_than_three_answers_an_anonymous_answer_shows_neither_edited_nor_responding_to() {
        Attribution rule = new Attribution(NEW_YORK, Language.EN, this::name);
        Answer anon = new Answer(
                2,
                1,
                CRAFT,
                "m2",
                SECRET_WRITER,
                "me too",
                BOB,
                MONDAY_AFTERNOON_NY,
                MONDAY_AFTERNOON_NY.plusSeconds(60),
                true);

        Attribution.Byline few = rule.round(List.of(named(1, BOB, null, MONDAY_AFTERNOON_NY), anon))
                .get(1);
        Attribution.Byline many = rule.round(List.of(
                        named(1, BOB, null, MONDAY_AFTERNOON_NY), anon, named(3, CAS, null, MONDAY_AFTERNOON_NY)))
                .get(1);

        assertThat(few.edited()).isFalse();
        assertThat(few.respondsToName()).isNull();
        assertThat(many.edited()).isTrue();
        assertThat(many.respondsToName()).isEqualTo("BOB");
    }

    @Test
    void a_named_answer_keeps_its_author_its_respondent_and_its_exact_time() {
        Attribution rule = new Attribution(NEW_YORK, Language.EN, this::name);
        Instant edited = MONDAY_AFTERNOON_NY.plusSeconds(300);
        Answer bob = new Answer(1, 1, CRAFT, "m1", BOB, "yes", ANN, MONDAY_AFTERNOON_NY, edited, false);

        Attribution.Byline byline = rule.round(List.of(bob)).get(0);

        assertThat(byline)
                .isEqualTo(new Attribution.Byline(
                        "bob",
                        "BOB",
                        "ann",
                        "ANN",
                        new Attribution.When.At(MONDAY_AFTERNOON_NY.atZone(NEW_YORK)),
                        edited,
                        true,
                        false));
    }
}
