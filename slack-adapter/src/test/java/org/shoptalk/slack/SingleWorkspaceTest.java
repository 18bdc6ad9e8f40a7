package org.shoptalk.slack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.shoptalk.core.testing.RecordingShoptalk;

/**
 * The shared set-up of tests that send signed requests to one workspace's adapter: a started {@link SlackHarness}
 * with a bot token and signing secret, over a core that records what reaches it.
 */
abstract class SingleWorkspaceTest {
    protected final RecordingShoptalk core = new RecordingShoptalk();
    protected SlackHarness slack;

    @BeforeEach
    void startWorkspace() throws Exception {
        slack = SlackHarness.singleWorkspace(core);
        slack.adapter.start();
    }

    @AfterEach
    void stopWorkspace() throws Exception {
        slack.close();
    }
}
