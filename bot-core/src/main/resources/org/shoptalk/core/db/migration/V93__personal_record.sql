-- The personal record (issue 15, section 2; docs/record.md).
-- A participant's own takeaway of an intervisie, kept for their record alone: the words of the takeaway phase,
-- edited when they edit the message and removed when they delete it (or say "forget me").
CREATE TABLE intervisie_takeaway (
    intervisie_id  BIGINT         NOT NULL REFERENCES intervisie (id) ON DELETE CASCADE,
    message_id     VARCHAR(200)   NOT NULL,
    user_id        VARCHAR(200)   NOT NULL,
    text           VARCHAR(40000) NOT NULL,
    posted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (intervisie_id, message_id)
);
CREATE INDEX intervisie_takeaway_user ON intervisie_takeaway (user_id);

-- The time a participant says they spent on an intervisie, in minutes: an asynchronous session has no meeting
-- length to measure, so the record counts only what people report.
CREATE TABLE intervisie_time (
    intervisie_id  BIGINT       NOT NULL REFERENCES intervisie (id) ON DELETE CASCADE,
    user_id        VARCHAR(200) NOT NULL,
    minutes        INT          NOT NULL,
    reported_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (intervisie_id, user_id)
);
CREATE INDEX intervisie_member_user ON intervisie_member (user_id);
