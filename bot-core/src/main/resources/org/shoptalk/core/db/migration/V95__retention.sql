-- Retention people can see (issue 15, section 4): how long a guild keeps answers and threads, when its members
-- were told about the first purge, up to when data was purged (digest pages for earlier weeks say so), and how
-- many answers a round needs before details around an anonymous answer are shown (never fewer than three).
ALTER TABLE guild ADD COLUMN retention_months INT DEFAULT 24 NOT NULL;
ALTER TABLE guild ADD COLUMN retention_noticed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE guild ADD COLUMN purged_before TIMESTAMP WITH TIME ZONE;
ALTER TABLE guild ADD COLUMN anonymity_threshold INT DEFAULT 3 NOT NULL;
-- The daily purge reads each kind of record by age within a guild.
CREATE INDEX conversation_guild_updated ON conversation (guild_id, updated_at);
CREATE INDEX digest_post_guild_period ON digest_post (guild_id, period_to);
