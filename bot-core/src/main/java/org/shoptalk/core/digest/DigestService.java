package org.shoptalk.core.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.Platforms;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.Handle;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds a guild's digest of the last week and posts it in the guild's channels. Thread-safe. */
public final class DigestService {
    private static final Logger LOG = LoggerFactory.getLogger(DigestService.class);
    public static final Duration PERIOD = Duration.ofDays(7);

    private final Database db;
    private final Platforms platforms;
    private final GuildStore guilds;
    private final DigestBuilder builder;
    private final Clock clock;
    private volatile DigestLinks links = DigestLinks.NONE;

    public DigestService(Database db, Platforms platforms, GuildStore guilds, DigestBuilder builder, Clock clock) {
        this.db = db;
        this.platforms = platforms;
        this.guilds = guilds;
        this.builder = builder;
        this.clock = clock;
    }

    /** From now on, posted digests link to their web page through {@code links}. */
    public void useLinks(DigestLinks links) {
        this.links = Objects.requireNonNull(links);
    }

    /** The digest of the week up to now, as it would be posted. */
    public Digest current(Guild guild) {
        Instant to = clock.instant();
        return db.withHandle(h -> builder.build(h, guild, to.minus(PERIOD), to, platforms::displayName));
    }

    /**
     * Posts the digest of the week up to now in every channel of the guild. With a dedupe key (a scheduled
     * digest), the period and the channels are recorded first and each channel is claimed before posting: a
     * second call with the same key (a retry, another cluster member, the recovery of a crashed run) posts only
     * in channels nobody claimed yet. Returns whether this call posted anywhere.
     */
    public boolean post(Guild guild, String dedupeKeyOrNull) {
        if (dedupeKeyOrNull == null) {
            Instant to = clock.instant();
            List<ChannelRef> channels = db.withHandle(h -> guilds.channels(h, guild));
            return send(guild, to.minus(PERIOD), to, channels) > 0;
        }
        Instant now = clock.instant();
        Instant[] period = db.inTransaction(h -> {
            if (h.insertIfAbsent("INSERT INTO digest_post (guild_id, dedupe_key, period_from, period_to, posted_at)"
                    + " VALUES (?, ?, ?, ?, ?)", guild.id(), dedupeKeyOrNull, now.minus(PERIOD), now, now)) {
                for (ChannelRef c : guilds.channels(h, guild)) {
                    h.update("INSERT INTO digest_channel (guild_id, dedupe_key, channel_id, tenant, state)"
                            + " VALUES (?, ?, ?, ?, 'PENDING')", guild.id(), dedupeKeyOrNull, c.id(), c.tenant().key());
                }
            }
            return h.queryOne("SELECT period_from, period_to FROM digest_post WHERE guild_id = ? AND dedupe_key = ?",
                    rs -> new Instant[] {Handle.instant(rs, "period_from"), Handle.instant(rs, "period_to")},
                    guild.id(), dedupeKeyOrNull).orElseThrow();
        });
        List<ChannelRef> claimed = db.withHandle(h -> h.query("SELECT channel_id FROM digest_channel"
                        + " WHERE guild_id = ? AND dedupe_key = ? AND state = 'PENDING' ORDER BY channel_id",
                        rs -> new ChannelRef(guild.tenant(), rs.getString(1)), guild.id(), dedupeKeyOrNull)).stream()
                .filter(c -> db.withHandle(h -> h.update("UPDATE digest_channel SET state = 'POSTING' WHERE guild_id = ?"
                        + " AND dedupe_key = ? AND channel_id = ? AND state = 'PENDING'", guild.id(), dedupeKeyOrNull, c.id()) == 1))
                .toList();
        if (claimed.isEmpty()) {
            return false;
        }
        send(guild, period[0], period[1], claimed);
        db.useTransaction(h -> claimed.forEach(c -> h.update("UPDATE digest_channel SET state = 'DONE' WHERE guild_id = ?"
                + " AND dedupe_key = ? AND channel_id = ?", guild.id(), dedupeKeyOrNull, c.id())));
        return true;
    }

    /** Builds the digest of the period and posts it in the channels; returns in how many it landed. */
    private int send(Guild guild, Instant from, Instant to, List<ChannelRef> channels) {
        Digest digest = db.withHandle(h -> builder.build(h, guild, from, to, platforms::displayName));
        ChatMessage message = DigestRenderer.render(digest, page(guild, to));
        int posted = 0;
        for (ChannelRef channel : channels) {
            try {
                platforms.forTenant(channel.tenant()).postTopLevel(channel, message);
                posted++;
            } catch (ChatPlatformException e) {
                LOG.warn("digest of guild {} not posted in channel {}: {}", guild.id(), channel.id(), e.getMessage());
            }
        }
        return posted;
    }

    // A failing link must not cost the guild its digest: it is posted without the link.
    private Optional<String> page(Guild guild, Instant periodEnd) {
        try {
            return links.pageFor(guild, periodEnd);
        } catch (RuntimeException e) {
            LOG.warn("digest of guild {} posted without its web link: {}", guild.id(), e.getClass().getName());
            return Optional.empty();
        }
    }
}
