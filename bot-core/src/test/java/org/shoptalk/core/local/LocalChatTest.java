package org.shoptalk.core.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatEvent;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.Platform;
import org.shoptalk.core.chat.Posted;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.ThreadRef;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.command.CommandReply;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.DbSettings;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.testing.RecordingShoptalk;

class LocalChatTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");
    private static final ChannelRef CRAFT = new ChannelRef(Tenant.LOCAL, "craft");

    private DbSettings settings;
    private Database database;
    private RecordingShoptalk core;
    private LocalChat chat;

    /** A fresh, empty database for one test. */
    DbSettings newDatabase() {
        return new DbSettings("jdbc:h2:mem:local-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 2);
    }

    @BeforeEach
    void start() {
        settings = newDatabase();
        database = Database.start(settings);
        core = new RecordingShoptalk(r -> CommandReply.privately(ChatMessage.text("ok: " + r.text())));
        chat = new LocalChat(database, Clock.fixed(NOW, ZoneOffset.UTC), () -> core);
    }

    @AfterEach
    void stop() {
        database.close();
    }

    @Test
    void plain_message_is_stored_and_reported_to_core_with_its_mentions() {
        LocalPost root = chat.post("craft", "bob", "What went well?", null);
        LocalPost reply = chat.post("craft", "alice", "Good point @bob, and thanks @carol.", root.id());

        assertThat(root.thread()).isEqualTo(root.id());
        assertThat(reply.thread()).isEqualTo(root.id());
        assertThat(core.events).hasSize(2);
        ChatEvent.MessagePosted posted = (ChatEvent.MessagePosted) core.events.get(1);
        assertThat(posted.channel()).isEqualTo(CRAFT);
        assertThat(posted.author()).isEqualTo(new UserRef(Tenant.LOCAL, "alice"));
        assertThat(posted.messageId()).isEqualTo(reply.id());
        assertThat(posted.threadRootId()).isEqualTo(root.id());
        assertThat(posted.receivedAt()).isEqualTo(NOW);
        assertThat(posted.mentions()).extracting(UserRef::id).containsExactly("bob", "carol");
        assertThat(((ChatEvent.MessagePosted) core.events.get(0)).threadRootId())
                .isNull();
    }

    @Test
    void email_addresses_and_the_bot_are_not_mentions() {
        chat.post("craft", "alice", "mail bob@example.com or ask @shoptalk", null);

        assertThat(((ChatEvent.MessagePosted) core.events.get(0)).mentions()).isEmpty();
    }

    @Test
    void replying_to_a_reply_lands_in_the_same_thread() {
        LocalPost root = chat.post("craft", "bob", "root", null);
        LocalPost first = chat.post("craft", "alice", "first", root.id());

        LocalPost second = chat.post("craft", "carol", "second", first.id());

        assertThat(second.thread()).isEqualTo(root.id());
    }

    @Test
    void command_is_visible_to_its_author_and_a_private_reply_too() {
        LocalPost typed = chat.post("craft", "alice", "/shoptalk guild create Craft lang en", null);

        assertThat(core.commands).singleElement().satisfies(r -> {
            assertThat(r.text()).isEqualTo("guild create Craft lang en");
            assertThat(r.user()).isEqualTo(new UserRef(Tenant.LOCAL, "alice"));
            assertThat(r.channel()).isEqualTo(CRAFT);
        });
        assertThat(core.events).isEmpty();
        List<LocalMessage> messages = chat.list("craft");
        assertThat(messages)
                .extracting(LocalMessage::user, LocalMessage::text, LocalMessage::visibleTo)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("alice", "/shoptalk guild create Craft lang en", "alice"),
                        org.assertj.core.groups.Tuple.tuple("shoptalk", "ok: guild create Craft lang en", "alice"));
        assertThat(messages.get(0).id()).isEqualTo(typed.id());
    }

    @Test
    void channel_reply_to_a_command_is_for_everyone_and_stays_in_the_thread_it_was_typed_in() {
        core.answerWith(r -> CommandReply.inChannel(
                ChatMessage.builder().header("Digest").text("2 answers").build()));
        LocalPost root = chat.post("craft", "bob", "root", null);

        LocalPost typed = chat.post("craft", "alice", "/shoptalk digest", root.id());

        assertThat(typed.thread()).isEqualTo(root.id());
        LocalMessage reply = chat.list("craft").get(2);
        assertThat(reply.user()).isEqualTo("shoptalk");
        assertThat(reply.visibleTo()).isNull();
        assertThat(reply.thread()).isEqualTo(root.id());
        assertThat(reply.text()).isEqualTo("*Digest*\n2 answers");
    }

    @Test
    void bare_command_asks_core_with_empty_text() {
        chat.post("craft", "alice", "/shoptalk", null);

        assertThat(core.commands)
                .singleElement()
                .satisfies(r -> assertThat(r.text()).isEmpty());
    }

    @Test
    void text_that_only_starts_like_a_command_is_a_message() {
        chat.post("craft", "alice", "/shoptalkers unite", null);

        assertThat(core.commands).isEmpty();
        assertThat(core.events).hasSize(1);
    }

    @Test
    void everything_typed_in_a_private_chat_is_a_command_without_a_channel() {
        chat.post("@alice", "alice", "reminders off", null);

        assertThat(core.commands).singleElement().satisfies(r -> {
            assertThat(r.text()).isEqualTo("reminders off");
            assertThat(r.channel()).isNull();
        });
        assertThat(chat.list("@alice"))
                .allSatisfy(m -> assertThat(m.visibleTo()).isEqualTo("alice"));
    }

    @Test
    void nobody_posts_in_someone_elses_private_chat() {
        assertThatThrownBy(() -> chat.post("@alice", "bob", "hi", null))
                .isInstanceOf(LocalInputException.class)
                .hasMessageContaining("private chat of alice");
    }

    @Test
    void edit_reports_new_text_and_mentions_to_core() {
        LocalPost posted = chat.post("craft", "alice", "first try", null);

        LocalMessage edited = chat.edit(posted.id(), "second try, @bob");

        assertThat(edited.text()).isEqualTo("second try, @bob");
        assertThat(edited.edited()).isTrue();
        ChatEvent.MessageEdited event = (ChatEvent.MessageEdited) core.events.get(1);
        assertThat(event.messageId()).isEqualTo(posted.id());
        assertThat(event.newText()).isEqualTo("second try, @bob");
        assertThat(event.mentions()).extracting(UserRef::id).containsExactly("bob");
    }

    @Test
    void delete_removes_the_message_and_reports_it_to_core() {
        LocalPost posted = chat.post("craft", "alice", "oops", null);

        chat.delete(posted.id());

        assertThat(chat.list("craft")).isEmpty();
        assertThat(core.events.get(1)).isEqualTo(new ChatEvent.MessageDeleted(CRAFT, posted.id()));
    }

    @Test
    void unknown_ids_are_reported_as_missing() {
        assertThatThrownBy(() -> chat.edit("999", "x"))
                .isInstanceOf(NoSuchMessageException.class)
                .hasMessageContaining("\"999\"");
        assertThatThrownBy(() -> chat.delete("abc")).isInstanceOf(NoSuchMessageException.class);
        assertThatThrownBy(() -> chat.post("craft", "alice", "hi", "42")).isInstanceOf(NoSuchMessageException.class);
    }

    @Test
    void bot_messages_and_commands_cannot_be_edited_by_people() {
        Posted bot = chat.platform().postTopLevel(CRAFT, ChatMessage.text("prompt"));
        LocalPost typed = chat.post("craft", "alice", "/shoptalk help", null);

        assertThatThrownBy(() -> chat.edit(bot.messageId(), "x")).isInstanceOf(LocalInputException.class);
        assertThatThrownBy(() -> chat.delete(bot.messageId())).isInstanceOf(LocalInputException.class);
        assertThatThrownBy(() -> chat.edit(typed.id(), "x")).isInstanceOf(LocalInputException.class);
    }

    @Test
    void bad_names_and_empty_text_say_what_is_expected() {
        assertThatThrownBy(() -> chat.post("craft", "al ice", "hi", null))
                .isInstanceOf(LocalInputException.class)
                .hasMessageContaining("such as \"alice\"");
        assertThatThrownBy(() -> chat.post("no spaces", "alice", "hi", null))
                .isInstanceOf(LocalInputException.class)
                .hasMessageContaining("\"channel\"");
        assertThatThrownBy(() -> chat.post("craft", "shoptalk", "hi", null))
                .isInstanceOf(LocalInputException.class)
                .hasMessageContaining("bot's own name");
        assertThatThrownBy(() -> chat.post("craft", "alice", "  ", null))
                .isInstanceOf(LocalInputException.class)
                .hasMessageContaining("\"text\" is missing");
    }

    @Test
    void a_refusal_in_a_dutch_guilds_channel_reads_dutch_whatever_the_browser_asks() {
        dutchGuildIn("craft");
        LocalPost typed = chat.post("craft", "alice", "/shoptalk help", null);

        assertThatThrownBy(() -> chat.post("craft", "alice", "  ", null))
                .isInstanceOfSatisfying(
                        LocalInputException.class,
                        e -> assertThat(e.text(Language.EN))
                                .isEqualTo("\"text\" ontbreekt: geef de tekst van het bericht, of een opdracht zoals"
                                        + " \"/shoptalk hulp\"."));
        assertThatThrownBy(() -> chat.post("craft", "alice", "hi", "999"))
                .isInstanceOfSatisfying(
                        NoSuchMessageException.class,
                        e -> assertThat(e.text(Language.EN)).startsWith("Geen bericht \"999\" in kanaal \"craft\""));
        assertThatThrownBy(() -> chat.edit(typed.id(), "x"))
                .isInstanceOfSatisfying(
                        LocalInputException.class,
                        e -> assertThat(e.text(Language.EN))
                                .isEqualTo("Een opdracht kun je niet bewerken: typ hem opnieuw."));
    }

    @Test
    void a_refusal_that_names_no_guild_reads_in_the_browsers_language() {
        dutchGuildIn("craft");

        assertThatThrownBy(() -> chat.post("general", "al ice", "hi", null))
                .isInstanceOfSatisfying(LocalInputException.class, e -> {
                    assertThat(e.guildLanguage()).isEmpty();
                    assertThat(e.text(Language.EN))
                            .isEqualTo("\"user\" must be a name of up to 40 letters, digits, \".\", \"_\" or \"-\","
                                    + " such as \"alice\"; got \"al ice\".");
                    assertThat(e.text(Language.NL)).startsWith("\"user\" moet een naam zijn");
                });
        assertThatThrownBy(() -> chat.delete("999"))
                .isInstanceOfSatisfying(
                        NoSuchMessageException.class,
                        e -> assertThat(e.text(Language.NL))
                                .isEqualTo("Geen bericht met id \"999\": het is nooit geplaatst of is verwijderd."));
        assertThat(chat.guildLanguage("craft")).contains(Language.NL);
        assertThat(chat.guildLanguage("general")).isEmpty();
        assertThat(chat.guildLanguage("no spaces")).isEmpty();
    }

    @Test
    void a_post_edit_or_deletion_core_fails_on_keeps_nothing_and_says_so_in_the_guilds_language() {
        dutchGuildIn("craft");
        LocalPost kept = chat.post("craft", "alice", "first words", null);
        core.failEventsWith(new IllegalStateException("core is broken"));

        List<Runnable> failing = List.of(
                () -> chat.post("craft", "bob", "lost words", null),
                () -> chat.edit(kept.id(), "changed words"),
                () -> chat.delete(kept.id()));

        for (Runnable request : failing) {
            assertThatThrownBy(request::run).isInstanceOfSatisfying(LocalFailure.class, e -> {
                assertThat(e.storeAway()).isFalse();
                assertThat(e.text(Language.EN))
                        .isEqualTo("Sorry, dat lukte Shoptalk nu niet. Probeer het over een minuut nog eens.");
            });
        }
        assertThat(chat.list("craft")).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("first words");
            assertThat(m.edited()).isFalse();
        });
    }

    @Test
    void a_failure_that_may_pass_is_told_apart_and_read_in_the_browsers_language_without_a_guild() {
        LocalPost kept = chat.post("general", "alice", "first words", null);
        core.failEventsWith(new java.util.concurrent.RejectedExecutionException("shutting down"));

        assertThatThrownBy(() -> chat.edit(kept.id(), "changed")).isInstanceOfSatisfying(LocalFailure.class, e -> {
            assertThat(e.storeAway()).isTrue();
            assertThat(e.guildLanguage()).isEmpty();
            assertThat(e.text(Language.EN))
                    .isEqualTo("Sorry, Shoptalk could not do that just now. Please try again in a minute.");
        });
        core.failEventsWith(null);
        assertThat(chat.edit(kept.id(), "changed").text()).isEqualTo("changed");
    }

    private void dutchGuildIn(String channel) {
        database.useTransaction(h -> {
            GuildStore guilds = new GuildStore();
            long id = guilds.create(
                    h,
                    Tenant.LOCAL,
                    "Vak",
                    Language.NL,
                    ZoneId.of("Europe/Amsterdam"),
                    new UserRef(Tenant.LOCAL, "alice"),
                    NOW);
            guilds.addChannel(h, id, new ChannelRef(Tenant.LOCAL, channel), NOW);
        });
    }

    @Test
    void core_posts_prompts_threads_and_private_messages_as_plain_text() {
        LocalPlatform bot = chat.platform();
        Posted prompt = bot.postTopLevel(
                CRAFT, ChatMessage.builder().header("Moment").text("What?").build());
        Posted inThread = bot.postInThread(prompt.thread(), ChatMessage.text("closing soon"));
        bot.sendPrivate(new UserRef(Tenant.LOCAL, "alice"), ChatMessage.text("a gentle nudge"));

        assertThat(bot.platform()).isEqualTo(Platform.LOCAL);
        assertThat(prompt.threadId()).isEqualTo(prompt.messageId());
        assertThat(prompt.permalink()).isEqualTo("/local?channel=craft&thread=" + prompt.messageId());
        assertThat(inThread.threadId()).isEqualTo(prompt.messageId());
        assertThat(chat.list("craft"))
                .extracting(LocalMessage::user, LocalMessage::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("shoptalk", "*Moment*\nWhat?"),
                        org.assertj.core.groups.Tuple.tuple("shoptalk", "closing soon"));
        assertThat(chat.list("@alice")).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("a gentle nudge");
            assertThat(m.visibleTo()).isEqualTo("alice");
        });
        assertThat(chat.channels()).containsExactly("@alice", "craft");
        assertThat(bot.displayName(new UserRef(Tenant.LOCAL, "alice"))).isEqualTo("alice");
    }

    @Test
    void update_replaces_the_text_of_a_bot_message() {
        Posted prompt = chat.platform().postTopLevel(CRAFT, ChatMessage.text("before"));

        chat.platform().update(prompt, ChatMessage.text("after"));

        assertThat(chat.message(prompt.messageId()).text()).isEqualTo("after");
    }

    @Test
    void posting_to_a_missing_thread_or_another_tenant_fails_permanently() {
        ThreadRef missing = new ThreadRef(CRAFT, "12345");
        ChannelRef slack = new ChannelRef(new Tenant(Platform.SLACK, "T1"), "C1");

        assertThatThrownBy(() -> chat.platform().postInThread(missing, ChatMessage.text("x")))
                .isInstanceOfSatisfying(
                        ChatPlatformException.class,
                        e -> assertThat(e.permanent()).isTrue());
        assertThatThrownBy(() -> chat.platform().postTopLevel(slack, ChatMessage.text("x")))
                .isInstanceOf(ChatPlatformException.class);
    }

    @Test
    void conversation_survives_a_restart_on_the_same_database() {
        LocalPost root = chat.post("craft", "bob", "root", null);
        chat.post("craft", "alice", "answer", root.id());
        database.close();

        database = Database.start(settings);
        LocalChat again = new LocalChat(database, Clock.systemUTC(), () -> core);

        assertThat(again.list("craft")).extracting(LocalMessage::text).containsExactly("root", "answer");
        assertThat(again.list("craft").get(0).ts()).isEqualTo(NOW);
    }

    @Test
    void without_a_viewer_only_what_everybody_sees_is_shown() {
        chat.post("craft", "bob", "root", null);
        chat.post("craft", "alice", "/shoptalk anon \"hard week\"", null);
        chat.post("@alice", "alice", "anon \"hard week\"", null);
        chat.platform().sendPrivate(new UserRef(Tenant.LOCAL, "carol"), ChatMessage.text("a gentle nudge"));

        assertThat(chat.seen("craft", Optional.empty()))
                .extracting(LocalMessage::user, LocalMessage::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bob", "root"));
        assertThat(chat.seen("@alice", Optional.empty())).isEmpty();
        assertThat(chat.seen("@carol", Optional.empty())).isEmpty();
        assertThat(chat.channels(Optional.empty())).containsExactly("craft");
    }

    @Test
    void a_viewer_sees_their_own_private_chat_and_replies_and_nothing_of_anyone_elses() {
        chat.post("craft", "alice", "/shoptalk anon \"hard week\"", null);
        chat.post("@alice", "alice", "anon \"hard week\"", null);

        assertThat(chat.seen("craft", Optional.of("alice")))
                .hasSize(2)
                .allSatisfy(m -> assertThat(m.visibleTo()).isEqualTo("alice"));
        assertThat(chat.seen("@alice", Optional.of("alice"))).hasSize(2);
        assertThat(chat.seen("craft", Optional.of("bob"))).isEmpty();
        assertThat(chat.seen("@alice", Optional.of("bob"))).isEmpty();
        assertThat(chat.channels(Optional.of("bob"))).containsExactly("craft");
        assertThat(chat.channels(Optional.of("@alice"))).containsExactly("@alice", "craft");
    }
}
