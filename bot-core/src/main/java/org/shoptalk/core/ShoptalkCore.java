package org.shoptalk.core;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.shoptalk.core.chat.ChatPlatform;
import org.shoptalk.core.chat.Platform;
import org.shoptalk.core.db.Database;

/**
 * Assembles core: stores, services, the Quartz scheduler. The app creates it, registers the chat
 * platforms it runs, then starts it. Thread-safe after {@link #start()}.
 */
public final class ShoptalkCore implements AutoCloseable {
    private final Database database;
    private final CoreSettings settings;
    private final Clock clock;
    private final Map<Platform, ChatPlatform> platforms = new ConcurrentHashMap<>();

    private ShoptalkCore(Database database, CoreSettings settings, Clock clock) {
        this.database = Objects.requireNonNull(database);
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
    }

    public static ShoptalkCore create(Database database, CoreSettings settings, Clock clock) {
        return new ShoptalkCore(database, settings, clock);
    }

    public void register(ChatPlatform platform) {
        platforms.put(platform.platform(), platform);
    }

    public Database database() {
        return database;
    }

    public CoreSettings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        // filled in with the scheduler
    }
}
