-- Teams adapter tables (versions 200-299). Runs unchanged on H2 and PostgreSQL.
-- What the adapter must remember to post without an incoming message: where each team's
-- Bot Connector lives (service_url), the team's channels, and how to reach a person privately.

CREATE TABLE teams_team (
    tenant        VARCHAR(200)  NOT NULL,
    team_id       VARCHAR(200)  NOT NULL,
    aad_group_id  VARCHAR(64),
    name          VARCHAR(300),
    service_url   VARCHAR(500)  NOT NULL,
    installed     BOOLEAN       NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant, team_id)
);

CREATE TABLE teams_channel (
    tenant      VARCHAR(200) NOT NULL,
    channel_id  VARCHAR(200) NOT NULL,
    team_id     VARCHAR(200) NOT NULL,
    name        VARCHAR(300),
    deleted     BOOLEAN      NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant, channel_id)
);
CREATE INDEX teams_channel_team ON teams_channel (tenant, team_id);

-- A person as core knows them (AAD object id) and as the Bot Connector addresses them (29:... id).
CREATE TABLE teams_user (
    tenant                    VARCHAR(200) NOT NULL,
    aad_object_id             VARCHAR(64)  NOT NULL,
    user_id                   VARCHAR(200) NOT NULL,
    name                      VARCHAR(300),
    service_url               VARCHAR(500) NOT NULL,
    personal_conversation_id  VARCHAR(500),
    updated_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant, aad_object_id)
);
CREATE INDEX teams_user_connector_id ON teams_user (tenant, user_id);
