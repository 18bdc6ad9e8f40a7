-- Shoptalk's Quartz jobs are no longer durable (issue 13): Quartz deletes a job together with its last trigger, so
-- finished one-off moments leave no rows. Jobs stored before were durable: make them like new ones, and drop those
-- that no longer have a trigger (a finished one-off moment; anything still planned keeps its trigger and its job,
-- and planning again recreates a job). Works on H2 and PostgreSQL alike.
UPDATE QRTZ_JOB_DETAILS SET IS_DURABLE = FALSE WHERE JOB_GROUP = 'shoptalk';

DELETE FROM QRTZ_JOB_DETAILS
WHERE JOB_GROUP = 'shoptalk'
  AND NOT EXISTS (
    SELECT 1 FROM QRTZ_TRIGGERS t
    WHERE t.SCHED_NAME = QRTZ_JOB_DETAILS.SCHED_NAME
      AND t.JOB_NAME = QRTZ_JOB_DETAILS.JOB_NAME
      AND t.JOB_GROUP = QRTZ_JOB_DETAILS.JOB_GROUP);
