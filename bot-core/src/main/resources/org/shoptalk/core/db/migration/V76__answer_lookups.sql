-- Recording an answer asks two narrow questions of its round ("has this person answered before?", "whose answer
-- came last?"); these indexes answer each with one index probe, however many answers the round holds. The order
-- index runs newest first, so H2 too reads "the last answer" from its head instead of sorting the round.
CREATE INDEX answer_round_author ON answer (round_id, author_id, posted_at, id);
CREATE INDEX answer_round_order ON answer (round_id, posted_at DESC, id DESC);
DROP INDEX answer_round;
