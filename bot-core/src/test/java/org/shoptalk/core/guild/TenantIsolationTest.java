package org.shoptalk.core.guild;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatEvent;
import org.shoptalk.core.chat.Platform;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.command.CommandRequest;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.FakeChatPlatform;

/**
 * Two Slack workspaces that happen to use the same channel and user ids, as real workspaces do
 * (ids are only unique within one): nothing one of them stores can be read or changed from the other.
 */
class TenantIsolationTest {
    private static final Tenant ONE = new Tenant(Platform.SLACK, "T1");
    private static final Tenant TWO = new Tenant(Platform.SLACK, "T2");
    private static final String CHANNEL = "C1";

    private final CoreFixture f = CoreFixture.onH2();
    private final FakeChatPlatform slack = new FakeChatPlatform(Platform.SLACK);
    private long messageIds;

    @BeforeEach
    void bothWorkspacesHaveAGuildCalledCraftInChannelC1() {
        f.core().register(slack);
        assertThat(run(ONE, "lea", CHANNEL, "guild create Craft lang en")).contains("first lead");
        assertThat(run(TWO, "lea", CHANNEL, "guild create Craft lang nl")).contains("Craft");
        run(ONE, "ann", CHANNEL, "guild join");
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void the_same_guild_name_and_channel_id_live_side_by_side() {
        String one = run(ONE, "lea", CHANNEL, "guild");
        String two = run(TWO, "lea", CHANNEL, "guild");

        assertThat(one).contains("language en").contains("Members: 2");
        assertThat(two).contains("taal nl").contains("Leden: 1");
        assertThat(f.count("SELECT COUNT(*) FROM guild WHERE name = 'Craft'")).isEqualTo(2);
    }

    @Test
    void a_schedule_cannot_be_seen_paused_resumed_or_removed_from_the_other_workspace() {
        assertThat(run(ONE, "lea", CHANNEL, "schedule mon 09:30")).contains("#1");

        assertThat(run(TWO, "lea", CHANNEL, "schedules")).doesNotContain("#1");
        assertThat(run(TWO, "lea", CHANNEL, "pause 1")).contains("#1").contains("/shoptalk rooster");
        assertThat(run(TWO, "lea", CHANNEL, "resume 1")).contains("#1").contains("/shoptalk rooster");
        assertThat(run(TWO, "lea", CHANNEL, "unschedule 1")).contains("#1").contains("/shoptalk rooster");
        assertThat(run(TWO, "lea", null, "pause 1")).contains("#1").contains("/shoptalk rooster");

        assertThat(run(ONE, "lea", CHANNEL, "schedules")).contains("#1").doesNotContain("paused");
        assertThat(f.count("SELECT COUNT(*) FROM schedule WHERE paused = FALSE"))
                .isEqualTo(1);
    }

    @Test
    void a_member_of_one_workspace_is_a_stranger_in_the_other() {
        assertThat(run(TWO, "ann", CHANNEL, "moment")).contains("gilde meedoen");
        assertThat(run(TWO, "ann", CHANNEL, "schedule mon 09:30")).contains("Craft");
        assertThat(f.count("SELECT COUNT(*) FROM schedule")).isZero();
    }

    @Test
    void answers_and_digests_never_cross_between_workspaces() {
        run(ONE, "lea", CHANNEL, "moment explore");
        run(TWO, "lea", CHANNEL, "moment explore");
        String threadOne = latestThread(ONE);
        String threadTwo = latestThread(TWO);

        post(ONE, threadOne, "ann", "In workspace one I take care of our test suite.");
        post(TWO, threadTwo, "ann", "In werkruimte twee zorg ik voor de planning.");
        // A reply in workspace two that names workspace one's thread id must not land in workspace one.
        post(TWO, threadOne, "bob", "Stray message with a thread id from elsewhere.");

        run(ONE, "lea", CHANNEL, "digest");
        run(TWO, "lea", CHANNEL, "digest");
        String digestOne = lastTopLevel(ONE);
        String digestTwo = lastTopLevel(TWO);

        assertThat(digestOne)
                .contains("our test suite")
                .contains("People who took part: 1")
                .doesNotContain("planning")
                .doesNotContain("Stray");
        assertThat(digestTwo)
                .contains("de planning")
                .contains("Mensen die meededen: 1")
                .doesNotContain("test suite")
                .doesNotContain("Stray");
    }

    @Test
    void forgetting_yourself_in_one_workspace_leaves_the_other_untouched() {
        run(TWO, "ann", CHANNEL, "guild join");
        run(ONE, "lea", CHANNEL, "moment");
        run(TWO, "lea", CHANNEL, "moment");
        post(ONE, latestThread(ONE), "ann", "An answer in workspace one.");
        post(TWO, latestThread(TWO), "ann", "Een antwoord in werkruimte twee.");

        assertThat(run(TWO, "ann", null, "vergeet mij bevestig")).contains("1 antwoord dat je onder je naam schreef");

        run(ONE, "lea", CHANNEL, "digest");
        assertThat(lastTopLevel(ONE)).contains("An answer in workspace one.");
        assertThat(run(ONE, "lea", CHANNEL, "guild")).contains("Members: 2");
        assertThat(run(TWO, "lea", CHANNEL, "guild")).contains("Leden: 1");
    }

    @Test
    void digest_time_and_prompts_of_one_workspace_stay_there() {
        run(ONE, "lea", CHANNEL, "digest at mon 09:00");
        run(ONE, "lea", CHANNEL, "prompt add \"Who did you learn from this week?\" theme explore");

        assertThat(run(TWO, "lea", CHANNEL, "guild")).doesNotContain("09:00").contains("16:00");
        assertThat(run(TWO, "lea", CHANNEL, "prompts explore")).doesNotContain("Who did you learn from");
        assertThat(run(TWO, "lea", CHANNEL, "moment own-1")).contains("Er is geen vraag of thema \"own-1\"");
    }

    private String run(Tenant tenant, String user, String channel, String text) {
        ChannelRef where = channel == null ? null : new ChannelRef(tenant, channel);
        return f.core()
                .command(new CommandRequest(new UserRef(tenant, user), where, text))
                .message()
                .plainText("/shoptalk");
    }

    private void post(Tenant tenant, String thread, String user, String text) {
        f.core()
                .onEvent(new ChatEvent.MessagePosted(
                        new ChannelRef(tenant, CHANNEL),
                        new UserRef(tenant, user),
                        "reply-" + ++messageIds,
                        thread,
                        text,
                        List.of(),
                        f.clock.instant()));
        f.clock.advance(Duration.ofMinutes(1));
    }

    private List<FakeChatPlatform.Sent> topLevel(Tenant tenant) {
        return slack.topLevel(CHANNEL).stream()
                .filter(s -> s.channel().tenant().equals(tenant))
                .toList();
    }

    private String latestThread(Tenant tenant) {
        List<FakeChatPlatform.Sent> top = topLevel(tenant);
        return top.get(top.size() - 1).threadId();
    }

    private String lastTopLevel(Tenant tenant) {
        List<FakeChatPlatform.Sent> top = topLevel(tenant);
        return top.get(top.size() - 1).text();
    }
}
