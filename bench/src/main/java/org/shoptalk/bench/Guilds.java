package org.shoptalk.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.shoptalk.core.CoreSettings;
import org.shoptalk.core.ShoptalkCore;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.DbSettings;
import org.shoptalk.core.local.LocalChat;

/**
 * Core in the suite's JVM on the system clock, with the pool size the app uses, and {@code count} guilds on its local
 * console: guild {@code g} lives in channel {@code <prefix>g}, is named {@code <PREFIX>g} and led by {@code lead<g>}.
 * What the moments and digest sections fire with core's real Quartz. Closing stops core, then the database pool.
 */
final class Guilds implements AutoCloseable {
    final Database db;
    final ShoptalkCore core;
    private final LocalChat chat;
    private final String prefix;
    private final int count;

    private Guilds(Database db, ShoptalkCore core, LocalChat chat, String prefix, int count) {
        this.db = db;
        this.core = core;
        this.chat = chat;
        this.prefix = prefix;
        this.count = count;
    }

    /**
     * Starts core on {@code target} with {@code secret}; {@code configure} runs before Quartz starts (digest links).
     * No guild exists yet: {@link #create}.
     */
    static Guilds start(
            Databases.Target target,
            String secret,
            String prefix,
            int count,
            Clock clock,
            Consumer<ShoptalkCore> configure) {
        Database db = Database.start(new DbSettings(target.url(), target.user(), target.password(), 10));
        try {
            ShoptalkCore core = ShoptalkCore.create(db, CoreSettings.defaults().withSecret(secret), clock);
            LocalChat chat = new LocalChat(db, clock, core::shoptalk);
            core.register(chat.platform());
            configure.accept(core);
            core.start();
            return new Guilds(db, core, chat, prefix, count);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** How many guilds there are. */
    int count() {
        return count;
    }

    /** Creates the guilds in parallel (English, UTC); gives the seconds it took. */
    double create() throws Exception {
        long t0 = System.nanoTime();
        String name = prefix.toUpperCase(java.util.Locale.ROOT);
        eachLead(g -> "/shoptalk guild create " + name + g + " lang en tz UTC");
        return (System.nanoTime() - t0) / 1e9;
    }

    /**
     * The first whole minute (UTC) after {@code margin} from now: when the sections make every guild's moment or digest
     * due, so that all of them are stored before it comes. {@code margin} is their estimate of the time that takes.
     */
    static Instant nextWholeMinute(Duration margin) {
        return Instant.now().plus(margin).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    }

    /** Every guild's lead types {@code text(g)} in the guild's channel, four guilds at a time. */
    void eachLead(IntFunction<String> text) throws Exception {
        parallel(count, g -> chat.post(prefix + g, "lead" + g, text.apply(g), null));
    }

    /** Runs {@code work} for 0..n-1 on four threads; the first failure is thrown. */
    private static void parallel(int n, IntConsumer work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger next = new AtomicInteger();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int g = next.getAndIncrement(); g < n; g = next.getAndIncrement()) {
                        work.accept(g);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public void close() {
        try {
            core.close();
        } finally {
            db.close();
        }
    }
}
