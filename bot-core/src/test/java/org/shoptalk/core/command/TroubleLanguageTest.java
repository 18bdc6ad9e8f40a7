package org.shoptalk.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.testing.CoreFixture;

/**
 * Issue 12, "Dutch everywhere": the apology after a failure in core, and the note that a private reply could not be
 * delivered, are in the language of the guild the request was for; adapters pass only who and where.
 */
class TroubleLanguageTest {
    private static final String DUTCH_SORRY = "Sorry, dat lukte Shoptalk nu niet.";
    private static final String ENGLISH_SORRY = "Sorry, Shoptalk could not do that just now.";

    private final CoreFixture f = CoreFixture.onH2();

    @AfterEach
    void close() {
        f.close();
    }

    private String trouble(String user, String channel) {
        return f.core().trouble(request(user, channel)).message().plainText("/shoptalk");
    }

    private static CommandRequest request(String user, String channel) {
        ChannelRef where = channel == null ? null : CoreFixture.channel(channel);
        return new CommandRequest(CoreFixture.user(user), where, "rooster");
    }

    @Test
    void in_a_dutch_guilds_channel_the_apology_is_dutch_and_private() {
        f.run("ann", "craft", "gilde start Vakwerk taal nl");

        CommandReply reply = f.core().trouble(request("ann", "craft"));

        assertThat(reply.visibility()).isEqualTo(CommandReply.Visibility.PRIVATE);
        assertThat(reply.message().plainText("/shoptalk")).startsWith(DUTCH_SORRY);
        assertThat(f.core().noPrivateChat(request("bob", "craft")).plainText("/shoptalk"))
                .startsWith("Ik heb een antwoord alleen voor jou");
    }

    @Test
    void in_an_english_guilds_channel_and_for_a_stranger_it_is_english() {
        f.run("ann", "craft", "guild create Craft lang en");

        assertThat(trouble("ann", "craft")).startsWith(ENGLISH_SORRY);
        assertThat(trouble("zoe", "lobby")).startsWith(ENGLISH_SORRY);
        assertThat(trouble("zoe", null)).startsWith(ENGLISH_SORRY);
    }

    /** In the private chat, or a channel with no guild, the person's guilds say, when they share one language. */
    @Test
    void where_no_channel_names_a_guild_the_persons_guilds_language_is_used_when_they_share_one() {
        f.run("ann", "craft", "gilde start Vakwerk taal nl");
        f.run("ann", "design", "gilde start Ontwerp taal nl");

        assertThat(trouble("ann", null)).startsWith(DUTCH_SORRY);
        assertThat(trouble("ann", "lobby")).startsWith(DUTCH_SORRY);
        assertThat(f.run("ann", null, "gilde"))
                .as("other replies follow the same language")
                .contains("vakgenootschap");

        f.run("ann", "english", "guild create Craft lang en");
        assertThat(trouble("ann", null)).as("guilds in two languages").startsWith(ENGLISH_SORRY);
    }

    /** When the database itself is the trouble, the language cannot be looked up: the apology still comes. */
    @Test
    void with_the_database_gone_the_apology_still_comes_in_english() {
        f.run("ann", "craft", "gilde start Vakwerk taal nl");
        f.db.close();

        assertThat(trouble("ann", "craft")).startsWith(ENGLISH_SORRY);
    }
}
