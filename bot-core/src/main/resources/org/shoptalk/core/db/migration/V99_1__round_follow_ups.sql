-- What follows a round's opening, its first reminder look and its "connect the answers" check, as a transactional
-- outbox (issue 13): written by the transaction that opens the round, so it commits with the round or not at all, and
-- planned on Quartz a little later, many rounds in one transaction, by the follow-up relay
-- (org.shoptalk.core.task.RoundFollowUps). Planning them as each moment fired was a fifth of a moment's work in a
-- burst of a thousand. A row lives from the round's opening until its follow-ups are planned; NULL: none of that kind.
CREATE TABLE round_follow_up (
    round_id     BIGINT NOT NULL PRIMARY KEY REFERENCES round (id) ON DELETE CASCADE,
    reminder_at  TIMESTAMP WITH TIME ZONE,
    connect_at   TIMESTAMP WITH TIME ZONE
);
