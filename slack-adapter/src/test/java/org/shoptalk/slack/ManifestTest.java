package org.shoptalk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The manifest a workspace admin pastes must match what the adapter asks for and listens to. */
class ManifestTest {
    private static final Path MANIFEST = Path.of("..", "deploy", "slack", "manifest.yml");
    private static final Path SOCKET_MANIFEST = Path.of("..", "deploy", "slack", "manifest-socket-mode.yml");

    @Test
    void manifest_asks_for_exactly_the_scopes_the_adapter_requests_at_install() throws IOException {
        assertThat(listUnder(MANIFEST, "    bot:"))
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(SlackSettings.BOT_SCOPES.split(",")));
    }

    @Test
    void socket_mode_manifest_is_the_same_app_without_urls() throws IOException {
        assertThat(listUnder(SOCKET_MANIFEST, "    bot:")).isEqualTo(listUnder(MANIFEST, "    bot:"));
        assertThat(listUnder(SOCKET_MANIFEST, "    bot_events:")).isEqualTo(listUnder(MANIFEST, "    bot_events:"));
        String manifest = Files.readString(SOCKET_MANIFEST);
        assertThat(manifest)
                .contains("socket_mode_enabled: true")
                .contains("command: /shoptalk")
                .doesNotContain("url: ")
                .doesNotContain("redirect_urls");
    }

    @Test
    void manifest_subscribes_to_the_events_the_adapter_handles() throws IOException {
        assertThat(listUnder(MANIFEST, "    bot_events:"))
                .contains(
                        "message.channels",
                        "message.groups",
                        "message.im",
                        "app_mention",
                        "app_home_opened",
                        "member_joined_channel",
                        "app_uninstalled",
                        "tokens_revoked");
    }

    @Test
    void slash_command_interactivity_and_events_share_the_adapters_one_url() throws IOException {
        String manifest = Files.readString(MANIFEST);
        assertThat(manifest)
                .contains("command: /shoptalk")
                .contains("should_escape: true")
                .contains("home_tab_enabled: true")
                .contains("is_enabled: true");
        assertThat(manifest.lines().filter(l -> l.contains("url: https://")).toList())
                .allSatisfy(l -> assertThat(l).endsWith(SlackAdapter.EVENTS_PATH));
        assertThat(manifest).contains("- https://shoptalk.example.com" + SlackAdapter.REDIRECT_PATH);
    }

    /** The "- item" lines right under a key, as in the manifest's YAML lists. */
    private static List<String> listUnder(Path manifest, String key) throws IOException {
        List<String> lines = Files.readAllLines(manifest);
        List<String> items = new ArrayList<>();
        int at = lines.indexOf(key);
        assertThat(at).as(key + " in the manifest").isNotNegative();
        for (int i = at + 1; i < lines.size() && lines.get(i).strip().startsWith("- "); i++) {
            items.add(lines.get(i).strip().substring(2).strip());
        }
        return items;
    }
}
