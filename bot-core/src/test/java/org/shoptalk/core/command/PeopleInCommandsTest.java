package org.shoptalk.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.Platform;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.TypedText;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.FakeChatPlatform;

/**
 * A command that names a person acts only on someone the platform identified (issue 11): on Slack and Teams a plain
 * {@code @carl} is a name the platform could not resolve, and is refused with nothing stored; the local console, which
 * has no ids, keeps its plain names.
 */
class PeopleInCommandsTest {
    private static final Tenant SLACK = new Tenant(Platform.SLACK, "T1");
    private static final Tenant TEAMS = new Tenant(Platform.TEAMS, "tenant-1");

    private final CoreFixture f = CoreFixture.onH2();

    @BeforeEach
    void guilds() {
        f.core().register(new FakeChatPlatform(Platform.SLACK));
        f.core().register(new FakeChatPlatform(Platform.TEAMS));
        run(SLACK, "ULEA", "guild create Craft lang en");
        run(TEAMS, "lea-aad", "guild create Vak lang nl");
        f.run("lea", "craft", "guild create Craft lang en");
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void an_unresolved_name_on_slack_is_refused_and_stores_no_phantom_lead() {
        String before = f.stored();

        String reply = run(SLACK, "ULEA", "guild lead add @carl");

        assertThat(reply)
                .contains("Slack did not tell me who @carl is")
                .contains("pick your colleague from the list Slack shows")
                .contains("/shoptalk guild lead add @PERSON");
        assertThat(f.stored()).isEqualTo(before);
    }

    @Test
    void a_name_with_a_space_is_refused_whole_in_the_guilds_language() {
        String before = f.stored();

        String reply = run(TEAMS, "lea-aad", "guild lead add @Carl Jansen");

        assertThat(reply).contains("Teams heeft me niet verteld wie @Carl Jansen is, dus er is niets veranderd");
        assertThat(f.stored()).isEqualTo(before);
    }

    @Test
    void a_person_the_platform_identified_becomes_a_lead() {
        assertThat(run(SLACK, "ULEA", "guild lead add <@U7|carla>")).contains("<@U7>");
        assertThat(run(SLACK, "ULEA", "guild")).contains("<@U7>");
        assertThat(f.count("SELECT COUNT(*) FROM guild_member WHERE user_id = 'U7' AND role = 'LEAD'"))
                .isEqualTo(1);
    }

    @Test
    void typed_mention_characters_are_no_person() {
        String before = f.stored();

        String reply = run(SLACK, "ULEA", "guild lead add " + TypedText.literal("<@U7>"));

        assertThat(reply).contains("is not a mention of a person");
        assertThat(f.stored()).isEqualTo(before);
    }

    @Test
    void the_local_console_keeps_its_plain_names() {
        assertThat(f.run("lea", "craft", "guild lead add @carl")).contains("carl");
        assertThat(f.count("SELECT COUNT(*) FROM guild_member WHERE user_id = 'carl' AND role = 'LEAD'"))
                .isEqualTo(1);
        assertThat(f.run("lea", "craft", "guild lead add @bob now")).contains("\"now\"");
    }

    private String run(Tenant tenant, String user, String text) {
        return f.core()
                .command(new CommandRequest(new UserRef(tenant, user), new ChannelRef(tenant, "C1"), text))
                .message()
                .plainText("/shoptalk");
    }
}
