-- A guild's own intervisie method that a lead removed is kept, marked as removed, so the sessions that ran with it stay
-- named as the guild named the method in everyone's record and its exports (docs/intervisie.md#a-guilds-own-methods).
-- A removed method is no longer offered, listed or checked against; adding one with its id again replaces the row.
ALTER TABLE intervisie_method ADD COLUMN removed BOOLEAN DEFAULT FALSE NOT NULL;
