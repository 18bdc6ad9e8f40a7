package org.shoptalk.core.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.shoptalk.core.CoreSettings;
import org.shoptalk.core.ShoptalkCore;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatEvent;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.testing.TestDatabases;
import org.shoptalk.core.testing.UnplannedPosts;

/**
 * Whatever a person types in the local console, in a guild's channel or in their private chat with the bot, is
 * stored or answered clearly in the guild's language: never an exception (the console's "something went wrong").
 * Runs on the real clock, with dates relative to today, so it holds on any day.
 */
class EveryTypedTextTest {
    private static final String LONG_WORD = "x".repeat(39_000);

    /** A text to type and a piece of the answer it must get (null: any answer will do). */
    record Typed(String text, String answerSays) {
        @Override
        public String toString() {
            return text.length() > 50 ? text.substring(0, 50) + "..." : text;
        }
    }

    static List<Typed> texts(LocalDate today) {
        List<Typed> all = new ArrayList<>(List.of(
                new Typed("schedule at +999999999-12-31 10:00", "is not a date"),
                new Typed("schedule at -999999999-01-01 10:00", "is not a date"),
                new Typed("schedule at 9999-12-31 10:00", "too far ahead: I plan at most 5 years ahead"),
                new Typed("schedule at " + today.plusYears(6) + " 10:00", "too far ahead"),
                new Typed("schedule at 2027-02-30 10:00", "is not a date"),
                new Typed("pause 1 until +999999999-12-31", "is not a date"),
                new Typed("skip " + today.plusDays(1) + "..9999-12-31", "too far ahead"),
                new Typed("skip " + today.plusDays(1) + "..+999999999-12-31", "is not a date"),
                new Typed("occasion kickoff 9999-12-31", "too far ahead"),
                new Typed("schedule mon 09:30 every 999999999 weeks", "is not possible"),
                new Typed("schedule mon 09:30 every 99999999999999999999999 weeks", "is not possible"),
                new Typed("schedule mon 09:30 every -3 weeks", "is not possible"),
                new Typed("connect after 99999999999999999999 hours", "is not a number from 1 to 168"),
                new Typed("pairs every 999999999999 weeks", "is not a number from 1 to 12"),
                new Typed("series explore 99999999999 mon 09:30", "is not a number from 2 to 12"),
                new Typed("pause 9999999999999999999", "is not a moment number"),
                new Typed("resume #999999999999", "no moment #999999999999"),
                new Typed(LONG_WORD, "I do not know the command"),
                new Typed("guild create " + "a".repeat(39_000), "at most 80 characters"),
                new Typed("guild lead add <@" + "U".repeat(500) + ">", "is not a mention"),
                new Typed("anon \"" + "a ".repeat(2000) + "\"", "at most 3000 characters"),
                new Typed("moment " + LONG_WORD, "no question or theme"),
                new Typed("intervisie " + LONG_WORD, "is not an intervisie method"),
                new Typed("intervisie join #999999999999", "no intervisie #999999999999"),
                new Typed("intervisie volgende 9999999999999", "is not an intervisie number"),
                new Typed("digest at " + LONG_WORD + " 16:00", "are not days"),
                new Typed("schedule " + "funday,".repeat(5000) + " 09:30", "are not days"),
                new Typed("schedule mon 09:30 tz " + "A/".repeat(5000), "is not a time zone"),
                new Typed("schedule mon 25:61", "is not a time"),
                new Typed("\"\"\"", "quote is not closed"),
                new Typed("prompts \u0000\u0007\u001b[31m", "is not a theme"),
                new Typed("help\u0000", "/shoptalk schedule"),
                new Typed("\u00ff\u0300\uD83D\uDE00 \uD800", "I do not know the command")));
        return all;
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void every_text_typed_in_a_channel_or_the_private_chat_gets_a_clear_answer(TestDatabases.Kind kind) {
        try (Console console = Console.start(kind)) {
            console.chat.post("craft", "lea", "/shoptalk guild create Craft lang en tz UTC", null);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            List<String> problems = new ArrayList<>();
            for (Typed typed : texts(today)) {
                for (String place : List.of("craft", "@lea")) {
                    String text = place.startsWith("@") ? typed.text() : "/shoptalk " + typed.text();
                    String answer = console.answerTo(place, "lea", text);
                    if (typed.answerSays() != null && !answer.contains(typed.answerSays())) {
                        problems.add(place + " <- " + typed + ": " + answer);
                    }
                    if (typed.answerSays() != null && !typed.answerSays().startsWith("/") && answer.length() > 600) {
                        problems.add(place + " <- " + typed + ": a long answer (" + answer.length() + " characters)");
                    }
                }
            }
            assertThat(problems).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_dutch_guild_hears_the_limits_in_dutch(TestDatabases.Kind kind) {
        try (Console console = Console.start(kind)) {
            console.chat.post("vak", "lea", "/shoptalk guild create Vakmensen lang nl", null);

            assertThat(console.answerTo("vak", "lea", "/shoptalk schedule at 9999-12-31 10:00"))
                    .contains("ligt te ver weg")
                    .contains("hooguit 5 jaar");
            assertThat(console.answerTo("vak", "lea", "/shoptalk schedule at +999999999-12-31 10:00"))
                    .contains("geen datum");
            assertThat(console.answerTo("vak", "lea", "/shoptalk anon \"" + "a".repeat(3001) + "\""))
                    .contains("hooguit 3000 tekens");
            assertThat(console.answerTo("vak", "lea", "/shoptalk " + LONG_WORD))
                    .contains("ken ik niet")
                    .hasSizeLessThan(600);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void control_characters_are_left_out_of_what_is_stored(TestDatabases.Kind kind) {
        try (Console console = Console.start(kind)) {
            LocalPost posted = console.chat.post("craft", "ann", "good\u0000 work\u0007 here\u000bnow", null);

            assertThat(console.chat.message(posted.id()).text()).isEqualTo("good work here now");
            assertThat(console.answerTo("@ann", "ann", "\u0000\u0001")).contains("\"text\" is missing");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void an_answer_longer_than_an_answer_can_be_is_kept_cut_not_lost(TestDatabases.Kind kind) {
        try (Console console = Console.start(kind)) {
            console.chat.post("craft", "lea", "/shoptalk guild create Craft lang en", null);
            console.chat.post("craft", "lea", "/shoptalk moment", null);
            String thread = console.chat.list("craft").stream()
                    .filter(m ->
                            m.user().equals(LocalChat.BOT_USER) && m.visibleTo() == null && m.id().equals(m.thread()))
                    .reduce((a, b) -> b)
                    .orElseThrow()
                    .id();
            ChannelRef craft = new ChannelRef(Tenant.LOCAL, "craft");

            // Slack spells out links in the words it delivers, so a full-length message can outgrow the column.
            console.core.onEvent(new ChatEvent.MessagePosted(
                    craft,
                    new UserRef(Tenant.LOCAL, "ann"),
                    "90001",
                    thread,
                    "y".repeat(60_000),
                    List.of(),
                    java.time.Instant.now()));

            long stored = console.db.withHandle(
                    h -> h.count("SELECT LENGTH(text) FROM answer WHERE message_id = ?", "90001"));
            assertThat(stored).isEqualTo(40_000L);
        }
    }

    /** The console on a real core, database and clock. */
    record Console(Database db, ShoptalkCore core, LocalChat chat) implements AutoCloseable {
        static Console start(TestDatabases.Kind kind) {
            Database db = Database.start(TestDatabases.fresh(kind));
            AtomicReference<ShoptalkCore> core = new AtomicReference<>();
            LocalChat chat = new LocalChat(db, Clock.systemUTC(), core::get);
            core.set(ShoptalkCore.create(db, CoreSettings.defaults(), Clock.systemUTC()));
            core.get().register(chat.platform());
            return new Console(db, core.get(), chat);
        }

        /**
         * Types a text; the answer is the bot's newest message after it that the person sees, or the console's refusal.
         * A digest or moment posted meanwhile is passed over: on the real clock the weekly digest may come just then.
         */
        String answerTo(String channel, String user, String text) {
            long typed;
            try {
                typed = Long.parseLong(chat.post(channel, user, text, null).id());
            } catch (LocalInputException refused) {
                return refused.getMessage();
            }
            return chat.list(channel).stream()
                    .filter(m ->
                            Long.parseLong(m.id()) > typed && m.user().equals(LocalChat.BOT_USER) && m.visibleTo(user))
                    .filter(m -> !(m.id().equals(m.thread())
                            && (UnplannedPosts.isDigest(m.text()) || UnplannedPosts.isMoment(m.text()))))
                    .reduce((a, b) -> b)
                    .map(LocalMessage::text)
                    .orElse("(no answer)");
        }

        @Override
        public void close() {
            core.close();
            db.close();
        }
    }
}
