package org.shoptalk.core.chat;

import java.time.Instant;
import org.shoptalk.core.db.Handle;

/**
 * The deliveries already processed (table {@code processed_event}), so a platform's re-delivery of the same event
 * or activity is applied once. Slack re-sends an event up to three times within about five minutes of the first
 * try, Teams an activity not answered within 15 seconds: rows are needed for minutes, and pruned after a day.
 */
public final class DeliveryStore {

    /** Records the delivery; false when it was recorded before (a re-delivery). */
    public boolean record(Handle h, Tenant tenant, String deliveryId, Instant receivedAt) {
        return h.insertIfAbsent(
                "INSERT INTO processed_event (tenant, event_id, received_at) VALUES (?, ?, ?)",
                tenant.key(),
                deliveryId,
                receivedAt);
    }

    /** Forgets deliveries received before {@code before}; returns how many. */
    public int pruneBefore(Handle h, Instant before) {
        return h.update("DELETE FROM processed_event WHERE received_at < ?", before);
    }
}
