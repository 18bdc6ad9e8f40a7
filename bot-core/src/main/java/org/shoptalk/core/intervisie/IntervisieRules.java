package org.shoptalk.core.intervisie;

import java.time.Duration;
import java.time.Instant;

/**
 * The fixed rules of an intervisie: groups of 3 to 10 including the case-bringer (the range Dutch professional
 * bodies use for peer consultation, issue 15), and when the reminder of a
 * phase comes.
 */
final class IntervisieRules {
    static final int MIN = 3;
    static final int MAX = 10;

    private IntervisieRules() {}

    /** The gentle reminder comes when three quarters of a phase's window have passed: 18 hours into a day. */
    static Instant reminderAt(Instant closes, Duration window) {
        return closes.minus(window.dividedBy(4));
    }
}
