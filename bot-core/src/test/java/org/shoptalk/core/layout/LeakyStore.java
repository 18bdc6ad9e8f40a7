package org.shoptalk.core.layout;

import org.shoptalk.core.db.Handle;

/** A store for {@link SqlLivesInStoresTest}: the rule must leave it alone. */
final class LeakyStore {
    int forget(Handle h) {
        return h.update("DELETE FROM answer");
    }
}
