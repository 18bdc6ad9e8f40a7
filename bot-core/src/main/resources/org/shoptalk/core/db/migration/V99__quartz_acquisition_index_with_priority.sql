-- Acquiring due triggers reads only the batch it takes (issue 13; org.shoptalk.core.db.H2JobStoreDelegate).
-- Quartz picks the due triggers "ORDER BY NEXT_FIRE_TIME ASC, PRIORITY DESC". Its index IDX_QRTZ_T_NFT_ST (scheduler,
-- state, next fire time) has no priority, so when many triggers are due at the same instant (a thousand moments at
-- 09:00) each batch of four read all of them to sort them by priority. With the priority in the index, in the
-- order asked, PostgreSQL and H2 (with the query of H2JobStoreDelegate) walk the index and stop after the batch. The
-- new index serves everything the old one did (its columns are the old one's and one more), so the old one goes.
DROP INDEX IF EXISTS IDX_QRTZ_T_NFT_ST;
CREATE INDEX IDX_QRTZ_T_NFT_ST_PRIO ON QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_STATE, NEXT_FIRE_TIME, PRIORITY DESC);
