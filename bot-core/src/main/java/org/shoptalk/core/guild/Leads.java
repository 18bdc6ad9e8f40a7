package org.shoptalk.core.guild;

import java.util.List;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.Platforms;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a guild's leads, privately, what they must know and nobody else would tell them (a post that failed for
 * good). A lead the platform cannot reach is logged, never retried: the note is a courtesy, not the work.
 * Thread-safe.
 */
public final class Leads {
    private static final Logger LOG = LoggerFactory.getLogger(Leads.class);

    private final Database db;
    private final Platforms platforms;
    private final GuildStore guilds;

    public Leads(Database db, Platforms platforms, GuildStore guilds) {
        this.db = db;
        this.platforms = platforms;
        this.guilds = guilds;
    }

    /** Sends {@code text} (already in the guild's language) to every lead of the guild. */
    public void tell(Guild guild, String text) {
        tell(guild, text, null);
    }

    /** As {@link #tell(Guild, String)}, except to {@code toldAlready} (who asked, and has the answer), if not null. */
    public void tell(Guild guild, String text, UserRef toldAlready) {
        List<UserRef> leads = db.withHandle(h -> guilds.withRole(h, guild, Role.LEAD));
        ChatMessage note = ChatMessage.text(text);
        for (UserRef lead : leads) {
            if (lead.equals(toldAlready)) {
                continue;
            }
            try {
                platforms.forTenant(lead.tenant()).sendPrivate(lead, note);
            } catch (RuntimeException e) {
                LOG.warn(
                        "could not tell a lead of guild {}: {}",
                        guild.id(),
                        e.getClass().getSimpleName());
            }
        }
    }
}
