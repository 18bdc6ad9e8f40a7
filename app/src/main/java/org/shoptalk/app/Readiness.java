package org.shoptalk.app;

import java.util.Optional;

/** Whether the process can serve its users now; the reason when it cannot. */
@FunctionalInterface
interface Readiness {
    Optional<String> problem();
}
