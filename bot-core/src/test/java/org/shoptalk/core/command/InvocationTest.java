package org.shoptalk.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.Platform;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.FakeChatPlatform;

/** Core writes commands the way the person's platform invokes them, and reads them typed either way (issue 14). */
class InvocationTest {
    private static final Tenant TEAMS = new Tenant(Platform.TEAMS, "contoso");
    private final CoreFixture f = CoreFixture.onH2();
    private final FakeChatPlatform teams = new FakeChatPlatform(Platform.TEAMS).invokedAs("@Shoptalk");

    @AfterEach
    void close() {
        f.close();
    }

    private String run(String text) {
        f.core().register(teams);
        return f.core()
                .command(new CommandRequest(new UserRef(TEAMS, "ann"), new ChannelRef(TEAMS, "craft"), text))
                .message()
                .plainText(teams.invocation());
    }

    @Test
    void help_on_teams_names_commands_with_a_mention() {
        String help = run("help");

        assertThat(help).contains("@Shoptalk schedule").doesNotContain("/shoptalk");
    }

    @Test
    void an_error_on_teams_points_at_help_the_teams_way() {
        assertThat(run("dance")).contains("Type @Shoptalk help").doesNotContain("/shoptalk");
        assertThat(run("schedule")).contains("@Shoptalk schedule DAYS").doesNotContain("/shoptalk");
    }

    @Test
    void a_typed_invocation_in_front_is_dropped_whatever_the_platform() {
        String help = run("help");

        assertThat(run("@Shoptalk help")).isEqualTo(help);
        assertThat(run("/SHOPTALK help")).isEqualTo(help);
        assertThat(run("")).as("an empty mention").isEqualTo(help);
        assertThat(f.run("ann", null, "/shoptalk help")).contains("/shoptalk schedule");
    }
}
