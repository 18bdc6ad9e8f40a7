package org.shoptalk.core.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.Platforms;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Database;
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

    public DigestService(Database db, Platforms platforms, GuildStore guilds, DigestBuilder builder, Clock clock) {
        this.db = db;
        this.platforms = platforms;
        this.guilds = guilds;
        this.builder = builder;
        this.clock = clock;
    }

    /** The digest of the week up to now, as it would be posted. */
    public Digest current(Guild guild) {
        Instant to = clock.instant();
        return db.withHandle(h -> builder.build(h, guild, to.minus(PERIOD), to, this::displayName));
    }

    /**
     * Posts the digest of the week up to now in every channel of the guild. With a dedupe key, a second
     * call with the same key (a retry, another cluster member) posts nothing and returns false.
     */
    public boolean post(Guild guild, String dedupeKeyOrNull) {
        Instant to = clock.instant();
        Instant from = to.minus(PERIOD);
        if (dedupeKeyOrNull != null) {
            boolean first = db.withHandle(h -> h.insertIfAbsent("INSERT INTO digest_post (guild_id, dedupe_key, period_from,"
                    + " period_to, posted_at) VALUES (?, ?, ?, ?, ?)", guild.id(), dedupeKeyOrNull, from, to, to));
            if (!first) {
                return false;
            }
        }
        Digest digest = db.withHandle(h -> builder.build(h, guild, from, to, this::displayName));
        ChatMessage message = DigestRenderer.render(digest);
        List<ChannelRef> channels = db.withHandle(h -> guilds.channels(h, guild));
        for (ChannelRef channel : channels) {
            try {
                platforms.forTenant(channel.tenant()).postTopLevel(channel, message);
            } catch (ChatPlatformException e) {
                LOG.warn("digest of guild {} not posted in channel {}: {}", guild.id(), channel.id(), e.getMessage());
            }
        }
        return true;
    }

    private String displayName(UserRef user) {
        try {
            return platforms.forTenant(user.tenant()).displayName(user);
        } catch (ChatPlatformException e) {
            return user.id();
        }
    }
}
