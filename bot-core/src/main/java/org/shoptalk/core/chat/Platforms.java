package org.shoptalk.core.chat;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The chat platforms this process runs, by kind. Thread-safe. */
public final class Platforms {
    private final Map<Platform, ChatPlatform> byKind = new ConcurrentHashMap<>();

    public void register(ChatPlatform platform) {
        byKind.put(platform.platform(), platform);
    }

    public ChatPlatform forTenant(Tenant tenant) {
        ChatPlatform platform = byKind.get(tenant.platform());
        if (platform == null) {
            throw new ChatPlatformException("no " + tenant.platform().key() + " platform is configured", true);
        }
        return platform;
    }

    /**
     * How people of {@code tenant} invoke a command ({@link ChatPlatform#invocation()}); the port's default when
     * their platform is not running here, so a text can still be written.
     */
    public String invocation(Tenant tenant) {
        ChatPlatform platform = byKind.get(tenant.platform());
        return platform != null ? platform.invocation() : ChatPlatform.SLASH_COMMAND;
    }

    /** The person's own time zone as their platform knows it; empty when it cannot tell or is not running here. */
    public Optional<ZoneId> timeZone(UserRef user) {
        try {
            return forTenant(user.tenant()).timeZone(user);
        } catch (ChatPlatformException e) {
            return Optional.empty();
        }
    }

    /** The name people see, or the person's id when their platform cannot say (or is not running). */
    public String displayName(UserRef user) {
        try {
            return forTenant(user.tenant()).displayName(user);
        } catch (ChatPlatformException e) {
            return user.id();
        }
    }
}
