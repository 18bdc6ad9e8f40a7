package org.shoptalk.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move by hand: stopped at an instant, or {@link #ticking() ticking} with the system clock (for tests
 * where Quartz, which fires on the system clock, runs the tasks). Thread-safe.
 */
public final class MutableClock extends Clock {
    private volatile Instant now;
    private volatile boolean ticking;

    public MutableClock(Instant start) {
        this.now = start;
    }

    /** A clock that follows the system clock until a test sets or advances it. */
    public static MutableClock ticking() {
        MutableClock clock = new MutableClock(Instant.now());
        clock.ticking = true;
        return clock;
    }

    /** From now on, follow the system clock again. */
    public void resumeTicking() {
        ticking = true;
    }

    public void set(Instant instant) {
        ticking = false;
        now = instant;
    }

    public void advance(Duration d) {
        set(instant().plus(d));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return ticking ? Instant.now() : now;
    }
}
