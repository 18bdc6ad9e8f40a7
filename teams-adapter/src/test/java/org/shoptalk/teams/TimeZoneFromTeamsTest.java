package org.shoptalk.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shoptalk.teams.TeamsFixture.LEAD;
import static org.shoptalk.teams.TeamsFixture.MEMBER;
import static org.shoptalk.teams.TeamsFixture.TENANT;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.testing.RecordingShoptalk;

/**
 * Issue 15, section 3: core learns a person's time zone from their platform; Teams has no look-up, so the adapter
 * reports what each person's client sends with an activity (localTimezone, else the clientInfo entity's timezone)
 * when it changes, and core keeps it for reminders that come later.
 */
class TimeZoneFromTeamsTest {
    @TempDir
    Path dir;

    TeamsFixture teams;
    RecordingShoptalk core;

    @BeforeEach
    void start() {
        core = RecordingShoptalk.answeringInChannel();
        teams = new TeamsFixture(dir, db -> core);
    }

    @AfterEach
    void stop() {
        teams.close();
    }

    private void deliver(String json) {
        assertThat(teams.post(json).statusCode()).isEqualTo(200);
        teams.awaitIdle();
    }

    private String personalMessage(String id, TeamsActivities.Person from) {
        return teams.activity(
                "personal-message",
                Map.of("id", id, "text", "reminders", "fromId", from.id(), "fromAad", from.aad(), "fromName", "X"));
    }

    @Test
    void the_zone_a_teams_client_reports_goes_to_core_once_and_again_when_it_changes() {
        deliver(personalMessage("1:tz1", LEAD));
        deliver(personalMessage("1:tz2", LEAD));
        deliver(personalMessage("1:tz3", LEAD)
                .replace("\"localTimezone\": \"Europe/Amsterdam\"", "\"localTimezone\": \"America/New_York\""));

        UserRef lead = new UserRef(TENANT, LEAD.aad());
        assertThat(core.zones)
                .as("unchanged zones are not reported again; travelling is")
                .containsExactly(
                        Map.entry(lead, ZoneId.of("Europe/Amsterdam")), Map.entry(lead, ZoneId.of("America/New_York")));
    }

    @Test
    void without_local_timezone_the_client_info_entity_tells_and_nonsense_is_ignored() {
        deliver(personalMessage("1:tz4", MEMBER)
                .replace(",\n  \"localTimezone\": \"Europe/Amsterdam\"", "")
                .replace("\"timezone\": \"Europe/Amsterdam\"", "\"timezone\": \"Asia/Tokyo\""));
        deliver(personalMessage("1:tz5", MEMBER)
                .replace("\"localTimezone\": \"Europe/Amsterdam\"", "\"localTimezone\": \"Mars/Olympus\"")
                .replace("\"timezone\": \"Europe/Amsterdam\"", "\"timezone\": \"Mars/Olympus\""));

        assertThat(core.zones).containsExactly(Map.entry(new UserRef(TENANT, MEMBER.aad()), ZoneId.of("Asia/Tokyo")));
    }
}
