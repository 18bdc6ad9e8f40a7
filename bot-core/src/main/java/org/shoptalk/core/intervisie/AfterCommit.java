package org.shoptalk.core.intervisie;

import java.util.ArrayList;
import java.util.List;
import org.shoptalk.core.chat.ChatPlatformException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What must be said in the chat once the transaction that decided it has committed, in order. A line the platform
 * refuses is logged (never its content) and the rest still goes out. Not thread-safe: one per transaction.
 */
final class AfterCommit implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(AfterCommit.class);
    private final List<Runnable> work = new ArrayList<>();

    void add(Runnable r) {
        work.add(r);
    }

    @Override
    public void run() {
        for (Runnable r : work) {
            try {
                r.run();
            } catch (ChatPlatformException e) {
                LOG.warn("intervisie message not delivered: {}", e.getMessage());
            }
        }
    }
}
