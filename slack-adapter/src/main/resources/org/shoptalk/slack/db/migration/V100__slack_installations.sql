-- Slack installations made through OAuth (distributed app mode). One row per workspace, or one per
-- Enterprise Grid organisation for an org-wide install (team_id ''). Tokens are AES-GCM encrypted
-- by the adapter with a key derived from SHOPTALK_SECRET; this table never holds a token in clear.

CREATE TABLE slack_installation (
    enterprise_id        VARCHAR(40)   NOT NULL,
    team_id              VARCHAR(40)   NOT NULL,
    enterprise_install   BOOLEAN       NOT NULL,
    app_id               VARCHAR(40),
    enterprise_name      VARCHAR(200),
    team_name            VARCHAR(200),
    bot_id               VARCHAR(40),
    bot_user_id          VARCHAR(40),
    bot_scope            VARCHAR(2000),
    bot_token            VARCHAR(1000) NOT NULL,
    bot_refresh_token    VARCHAR(1000),
    bot_token_expires_at BIGINT,
    installer_user_id    VARCHAR(40),
    installed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (enterprise_id, team_id)
);

-- OAuth state values issued by /slack/install, valid for one callback within ten minutes.
CREATE TABLE slack_oauth_state (
    state       VARCHAR(100) PRIMARY KEY,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Which Enterprise Grid organisation a workspace belongs to, learnt from Slack's requests, so posts to
-- a workspace covered by an org-wide installation find that installation's token.
CREATE TABLE slack_workspace (
    team_id        VARCHAR(40) PRIMARY KEY,
    enterprise_id  VARCHAR(40) NOT NULL
);
