-- Moment numbers belong to the guild (issue 12): people type "pause 2", and a guild's first moment is #1 whatever
-- other guilds planned. Existing moments are numbered per guild in the order they were made (their id order).
ALTER TABLE schedule ADD COLUMN guild_number INT;
UPDATE schedule SET guild_number =
    (SELECT COUNT(*) FROM schedule earlier WHERE earlier.guild_id = schedule.guild_id AND earlier.id <= schedule.id);
ALTER TABLE schedule ALTER COLUMN guild_number SET NOT NULL;
ALTER TABLE schedule ADD CONSTRAINT schedule_guild_number UNIQUE (guild_id, guild_number);

-- The local console renders a bot message's neutral blocks (headers, quotes, buttons) rather than its plain text.
ALTER TABLE local_message ADD COLUMN blocks VARCHAR(100000);
