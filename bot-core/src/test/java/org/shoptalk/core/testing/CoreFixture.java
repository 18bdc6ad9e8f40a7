package org.shoptalk.core.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.shoptalk.core.CoreSettings;
import org.shoptalk.core.ShoptalkCore;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatEvent;
import org.shoptalk.core.chat.Platform;
import org.shoptalk.core.chat.SharedFile;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.command.CommandReply;
import org.shoptalk.core.command.CommandRequest;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.DbSettings;

/**
 * Core on a real database with a fake chat platform and a hand-moved clock: the shared setup of core
 * tests. People and channels are plain names in one tenant unless a test says otherwise.
 */
public final class CoreFixture implements AutoCloseable {
    public static final Tenant TENANT = Tenant.LOCAL;
    /** Monday 2026-11-23 08:00 UTC (09:00 in Amsterdam). */
    public static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T08:00:00Z");
    /** The installation secret of {@link #onH2WithSecret()}. */
    public static final String SECRET = "test-secret-0123456789abcdef";

    public final MutableClock clock;
    public final FakeChatPlatform chat;
    public final Database db;
    private final CoreSettings settings;
    private ShoptalkCore core;
    private final AtomicLong messageIds = new AtomicLong(1000);

    private CoreFixture(DbSettings dbSettings, MutableClock clock, CoreSettings settings) {
        this(dbSettings, clock, settings, UnaryOperator.identity());
    }

    private CoreFixture(
            DbSettings dbSettings, MutableClock clock, CoreSettings settings, UnaryOperator<DataSource> observer) {
        this.clock = clock;
        this.chat = new FakeChatPlatform(Platform.LOCAL);
        this.db = Database.start(dbSettings, observer);
        this.settings = settings;
        this.core = newCore();
    }

    public static CoreFixture onH2() {
        return new CoreFixture(TestDatabases.h2(), new MutableClock(MONDAY_MORNING), CoreSettings.defaults());
    }

    /** Core with an installation secret, as anonymous answers need. */
    public static CoreFixture onH2WithSecret() {
        return new CoreFixture(
                TestDatabases.h2(),
                new MutableClock(MONDAY_MORNING),
                CoreSettings.defaults().withSecret(SECRET));
    }

    /** The id of the latest round opened. */
    public long latestRoundId() {
        return db.withHandle(h -> h.count("SELECT COALESCE(MAX(id), 0) FROM round"));
    }

    public static CoreFixture on(DbSettings settings, Instant now) {
        return new CoreFixture(settings, new MutableClock(now), CoreSettings.defaults());
    }

    public static CoreFixture on(DbSettings settings, Instant now, CoreSettings coreSettings) {
        return new CoreFixture(settings, new MutableClock(now), coreSettings);
    }

    /** Core whose every statement passes the counter: for tests that hold the round trips a unit of work takes. */
    public static CoreFixture counted(DbSettings settings, Instant now, StatementCounter counter) {
        return new CoreFixture(settings, new MutableClock(now), CoreSettings.defaults(), counter);
    }

    /** Core on the system clock, ticking: for tests where Quartz itself runs the tasks. */
    public static CoreFixture onSystemClock(DbSettings settings) {
        return new CoreFixture(settings, MutableClock.ticking(), CoreSettings.defaults());
    }

    private ShoptalkCore newCore() {
        ShoptalkCore c = ShoptalkCore.create(db, settings, clock);
        c.register(chat);
        return c;
    }

    public ShoptalkCore core() {
        return core;
    }

    /** Stops core as a process stop would, and builds it anew on the same database. */
    public void restart() {
        core.close();
        core = newCore();
    }

    public static UserRef user(String name) {
        return new UserRef(TENANT, name);
    }

    public static ChannelRef channel(String name) {
        return new ChannelRef(TENANT, name);
    }

    public CommandReply command(String user, String channel, String text) {
        return core.command(new CommandRequest(user(user), channel == null ? null : channel(channel), text));
    }

    /** Runs a command and returns the reply as plain text. */
    public String run(String user, String channel, String text) {
        return command(user, channel, text).message().plainText("/shoptalk");
    }

    /** Posts a reply in a thread as a person; returns the new message's id. */
    public String reply(String channel, String threadId, String user, String text, String... mentions) {
        String id = "u" + messageIds.incrementAndGet();
        List<UserRef> refs = Arrays.stream(mentions).map(CoreFixture::user).toList();
        core.onEvent(
                new ChatEvent.MessagePosted(channel(channel), user(user), id, threadId, text, refs, clock.instant()));
        clock.advance(Duration.ofSeconds(30));
        return id;
    }

    /** Posts a reply that shares files (words may be empty); returns the new message's id. */
    public String share(String channel, String threadId, String user, String text, SharedFile... files) {
        String id = "u" + messageIds.incrementAndGet();
        core.onEvent(new ChatEvent.MessagePosted(
                channel(channel), user(user), id, threadId, text, List.of(), clock.instant(), List.of(files)));
        clock.advance(Duration.ofSeconds(30));
        return id;
    }

    public void edit(String channel, String messageId, String text, String... mentions) {
        List<UserRef> refs = Arrays.stream(mentions).map(CoreFixture::user).toList();
        core.onEvent(new ChatEvent.MessageEdited(channel(channel), messageId, text, refs, clock.instant()));
    }

    public void delete(String channel, String messageId) {
        core.onEvent(new ChatEvent.MessageDeleted(channel(channel), messageId));
    }

    /**
     * Every row of the tables a command can change, Quartz plans included, as text: two equal snapshots
     * mean nothing was stored, changed or planned in between.
     */
    public String stored() {
        StringBuilder out = new StringBuilder();
        for (String table : List.of(
                "guild",
                "guild_member",
                "guild_channel",
                "custom_prompt",
                "prompt_use",
                "schedule",
                "skip_range",
                "round",
                "round_post",
                "answer",
                "user_setting",
                "reminder_sent",
                "digest_post",
                "QRTZ_TRIGGERS")) {
            out.append(table).append(":\n");
            db
                    .withHandle(h -> h.query("SELECT * FROM " + table, rs -> {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            row.append(rs.getString(i)).append('|');
                        }
                        return row.toString();
                    }))
                    .stream()
                    .sorted()
                    .forEach(row -> out.append("  ").append(row).append('\n'));
        }
        return out.toString();
    }

    /** How many rows a query counts, e.g. {@code count("SELECT COUNT(*) FROM schedule")}. */
    public long count(String sql, Object... params) {
        return db.withHandle(h -> h.count(sql, params));
    }

    /** The thread id of the latest round prompt posted in the channel. */
    public String latestRoundThread(String channel) {
        List<FakeChatPlatform.Sent> top = chat.topLevel(channel).stream()
                .filter(s -> s.text().contains("?") && !s.text().contains("\n---"))
                .toList();
        if (top.isEmpty()) {
            throw new AssertionError("no round posted in " + channel);
        }
        return top.get(top.size() - 1).threadId();
    }

    @Override
    public void close() {
        core.close();
        db.close();
    }
}
