package org.shoptalk.core.round;

import org.shoptalk.core.db.Handle;
import org.shoptalk.core.guild.Guild;

/** What the round service tells about each round it opens: for what follows an opening (reminders, connect checks). */
public interface RoundListener {

    /**
     * Inside the transaction that opens the round, after its row is written: what is written through {@code h}
     * commits or rolls back with the round.
     */
    void opening(Handle h, Guild guild, Round round);

    /**
     * After a run has posted the round, and again when a run takes over one that was interrupted (which may have
     * stopped between the two).
     */
    void opened(Guild guild, Round round);
}
