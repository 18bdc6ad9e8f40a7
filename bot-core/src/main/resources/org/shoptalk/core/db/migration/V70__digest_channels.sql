-- Where a scheduled digest was posted, channel by channel, so a run interrupted by a crash is finished by the
-- run that recovers it (each channel is claimed before posting, so none gets the digest twice).
-- state: PENDING (not tried), POSTING (claimed, in flight), DONE (tried: posted, or the failure was logged).
CREATE TABLE digest_channel (
    guild_id    BIGINT       NOT NULL,
    dedupe_key  VARCHAR(120) NOT NULL,
    channel_id  VARCHAR(200) NOT NULL,
    tenant      VARCHAR(200) NOT NULL,
    state       VARCHAR(10)  NOT NULL,
    PRIMARY KEY (guild_id, dedupe_key, channel_id),
    FOREIGN KEY (guild_id, dedupe_key) REFERENCES digest_post (guild_id, dedupe_key) ON DELETE CASCADE
);
