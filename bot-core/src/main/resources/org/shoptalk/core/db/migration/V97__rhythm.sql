-- A respectful rhythm (issue 15, section 3; docs/rhythm.md).

-- Each person's reminder intensity (OFF, LIGHT, NORMAL) and quiet hours, as "18:00-08:00 SATURDAY,SUNDAY"
-- (null: the default, evenings and weekends). The old on/off column stays true exactly when the intensity is not OFF.
ALTER TABLE user_setting ADD COLUMN intensity VARCHAR(10);
ALTER TABLE user_setting ADD COLUMN quiet_hours VARCHAR(120);
UPDATE user_setting SET intensity = CASE WHEN reminders THEN 'NORMAL' ELSE 'OFF' END;

-- The note in a round's threads that counts who answered ("4 colleagues have answered"): once per round.
CREATE TABLE round_note (
    round_id   BIGINT NOT NULL PRIMARY KEY REFERENCES round (id) ON DELETE CASCADE,
    posted_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Professional friends: the one check-in a week after pairing, per member of the pair. The row is written before the
-- question is sent, so a retry or a second instance never asks twice; the answer (MET, NOT_YET, SKIP) comes later.
CREATE TABLE pair_checkin (
    pairing_id   BIGINT       NOT NULL REFERENCES pairing (id) ON DELETE CASCADE,
    user_id      VARCHAR(200) NOT NULL,
    asked_at     TIMESTAMP WITH TIME ZONE,
    answer       VARCHAR(10),
    answered_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (pairing_id, user_id)
);
CREATE INDEX pair_checkin_user ON pair_checkin (user_id);

-- When the pair first said they met (null: not, or not yet): what the weekly digest counts.
ALTER TABLE pairing ADD COLUMN met_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX pairing_guild_met ON pairing (guild_id, met_at);

-- The time zone a person's chat client reported (Teams sends it with each activity as localTimezone; Slack is asked
-- instead, through users.info), so reminders reach them at a sensible local time.
CREATE TABLE person_zone (
    tenant       VARCHAR(200) NOT NULL,
    user_id      VARCHAR(200) NOT NULL,
    zone         VARCHAR(64)  NOT NULL,
    reported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant, user_id)
);
