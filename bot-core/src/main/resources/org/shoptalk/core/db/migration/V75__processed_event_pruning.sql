-- Housekeeping deletes deliveries older than what dedupe needs; this keeps that delete off a full scan.
CREATE INDEX processed_event_received ON processed_event (received_at);
