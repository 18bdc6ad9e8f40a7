package org.shoptalk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.digest.DigestTokens;
import org.shoptalk.core.digest.SignedDigestLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Digests at the size of a real organisation, in two parts.
 *
 * <p>Firing: {@code bench.digestGuilds} guilds on the local console, each with a round of {@code bench.digestAnswers}
 * answers, set their weekly digest ({@code /shoptalk digest at DAY HH:MM}) to the same minute, and core's real Quartz
 * on the system clock posts them: lag from the due time to each digest post p50/p99/max, and how many guilds got no
 * digest or more than one. Guilds and rounds are made through the console as {@link MomentsBench} makes them; the
 * answers go in with plain SQL inserts into {@code answer} (the columns {@code AnswerStore} writes, authors from a
 * pool of 12 people, every other answer responding to the one before), because storing 50,000 answers through the
 * event path would take most of the run and is measured by the ingestion section anyway. The rounds are then closed
 * ({@code closes_at} set to the past) so each digest reports a finished round.
 *
 * <p>The page: the app's jar in a JVM of its own on the same database (same {@code SHOPTALK_SECRET}, so the links
 * the digests carry open), then a closed loop of {@code bench.concurrency} GETs of those signed links, round robin
 * over the guilds: requests/s, p50/p99, and both as a ratio to the bare Javalin handler's {@code GET /digest/{token}}
 * under the same load in the same run.
 */
final class DigestBench {
    private static final Logger log = LoggerFactory.getLogger(DigestBench.class);
    private static final String SECRET = AppUnderTest.SECRET;
    private static final Pattern LINK = Pattern.compile("/digest/([A-Za-z0-9_.~-]+)");
    private static final int PEOPLE = 12;

    private DigestBench() {}

    static void run(Settings s, Results r, Databases databases, String kind, Path dir) throws Exception {
        String section = "digest-" + kind;
        int guilds = s.digestGuilds();
        Databases.Target target = databases.fresh(kind, "digest_" + kind + "_" + guilds);
        Clock clock = Clock.systemUTC();
        List<String> tokens;
        // As the app does (ShoptalkApp): links signed with a key from SHOPTALK_SECRET, so the app's jar opens them.
        try (Guilds all = Guilds.start(
                target,
                SECRET,
                "d",
                guilds,
                clock,
                core -> core.useDigestLinks(new SignedDigestLinks(
                        () -> "http://127.0.0.1",
                        DigestTokens.withSecret(SECRET, clock),
                        Duration.ofDays(60),
                        clock)))) {
            Database db = all.db;
            long t0 = System.nanoTime();
            all.create();
            all.eachLead(g -> "/shoptalk moment");
            int answers = insertAnswers(db, s.digestAnswers());
            double setupSeconds = (System.nanoTime() - t0) / 1e9;
            log.info("{} guilds on {} with {} answers made in {} s", guilds, kind, answers, (long) setupSeconds);
            Instant due = Guilds.nextWholeMinute(Duration.ofSeconds((long) (setupSeconds * 0.5) + 20));
            String day = due.atZone(ZoneOffset.UTC)
                    .getDayOfWeek()
                    .name()
                    .substring(0, 3)
                    .toLowerCase(Locale.ROOT);
            String at = String.format(
                    Locale.ROOT,
                    "%02d:%02d",
                    due.atZone(ZoneOffset.UTC).getHour(),
                    due.atZone(ZoneOffset.UTC).getMinute());
            all.eachLead(g -> "/shoptalk digest at " + day + " " + at);
            if (Instant.now().isAfter(due)) {
                log.warn("{} {}: setting the digests took past the due time; lag figures include it", kind, guilds);
            }
            log.info("{} digests on {} due at {}", guilds, kind, due);
            Duration patience = Duration.ofSeconds(Math.max(120, guilds / 5));
            while (digests(db, due).size() < guilds && Instant.now().isBefore(due.plus(patience))) {
                Thread.sleep(500);
            }
            Thread.sleep(2000);
            List<Posted> posted = digests(db, due);
            Map<String, Integer> perChannel = new HashMap<>();
            posted.forEach(p -> perChannel.merge(p.channel(), 1, Integer::sum));
            long[] lags = posted.stream()
                    .mapToLong(p -> Duration.between(due, p.at()).toMillis())
                    .sorted()
                    .toArray();
            String n = "N=" + guilds + " x " + s.digestAnswers() + " answers";
            r.add(section, n + ": guilds with a digest", perChannel.size(), "of " + guilds);
            r.addLags(section, n, lags);
            r.add(
                    section,
                    n + ": guilds posted more than once",
                    perChannel.values().stream().filter(c -> c > 1).count(),
                    "guilds");
            tokens = posted.stream()
                    .map(Posted::token)
                    .filter(t -> t != null)
                    .distinct()
                    .toList();
        }
        if (tokens.isEmpty()) {
            throw new IllegalStateException("no digest carried a link to its page");
        }
        page(s, r, section, target, tokens, dir);
    }

    /** The digest page under a closed loop, against the bare handler's fixed page under the same loop. */
    private static void page(Settings s, Results r, String section, Databases.Target db, List<String> tokens, Path dir)
            throws Exception {
        int count = s.pageRequests();
        int c = s.concurrency();
        String cp = System.getProperty("java.class.path");
        Load.Run bare;
        try (ChildJvm floor = ChildJvm.start(
                s.appJvm(), List.of("-cp", cp, BareJavalin.class.getName()), Map.of(), dir, "bare-page-" + section)) {
            floor.awaitReady("/readyz", Duration.ofMinutes(2));
            HttpClient http = Load.client();
            Load.closed(http, c, 0, Math.max(1, count / 4), i -> get(floor.port, tokens, i));
            bare = Load.closed(http, c, 0, count, i -> get(floor.port, tokens, i));
        }
        Map<String, String> env = Map.of(
                "SHOPTALK_SECRET", SECRET,
                "SHOPTALK_DB_URL", db.url(),
                "SHOPTALK_DB_USER", db.user(),
                "SHOPTALK_DB_PASSWORD", db.password());
        Load.Run app;
        try (ChildJvm jar = ChildJvm.start(
                s.appJvm(), List.of("-jar", s.jar().toAbsolutePath().toString()), env, dir, "app-page-" + section)) {
            jar.awaitReady("/readyz", Duration.ofMinutes(2));
            HttpClient http = Load.client();
            // Warm-up as long as the floor's, then the measured run.
            Load.closed(http, c, 0, Math.max(1, count / 4), i -> get(jar.port, tokens, i));
            app = Load.closed(http, c, 0, count, i -> get(jar.port, tokens, i));
        }
        String g = tokens.size() + " guilds' pages";
        r.add(section, "bare page: closed loop c=" + c + ", requests/s", bare.perSecond(), "req/s", 1.0);
        r.add(section, "bare page: p50", bare.percentileMillis(50), "ms");
        r.add(section, "bare page: p99", bare.percentileMillis(99), "ms");
        r.add(
                section,
                "digest page, " + g + ": c=" + c + " requests/s",
                app.perSecond(),
                "req/s",
                app.perSecond() / bare.perSecond());
        r.add(
                section,
                "digest page: p50",
                app.percentileMillis(50),
                "ms",
                app.percentileMillis(50) / bare.percentileMillis(50));
        r.add(
                section,
                "digest page: p99",
                app.percentileMillis(99),
                "ms",
                app.percentileMillis(99) / bare.percentileMillis(99));
        r.add(section, "digest page: answers other than 200", app.failed(), "of " + app.sent());
    }

    private static Load.Call get(int port, List<String> tokens, int i) {
        String token = tokens.get(i % tokens.size());
        return new Load.Call(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/digest/" + token))
                        .GET()
                        .build(),
                "page" + i);
    }

    /**
     * Writes {@code perRound} answers into each posted round, then closes the rounds; returns how many answers went
     * in. One batch per round, committed, so the digests read what a database would hold after a week of answers.
     */
    private static int insertAnswers(Database db, int perRound) throws Exception {
        record RoundThread(long round, String tenant, String channel) {}
        List<RoundThread> threads = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT round_id, tenant, channel_id FROM round_post WHERE state = 'POSTED'");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                threads.add(new RoundThread(rs.getLong(1), rs.getString(2), rs.getString(3)));
            }
        }
        Instant start = Instant.now();
        int written = 0;
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO answer (round_id, tenant, channel_id, message_id, author_id, text, responds_to,"
                                + " posted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement close = c.prepareStatement("UPDATE round SET closes_at = ? WHERE id = ?")) {
            c.setAutoCommit(false);
            for (RoundThread t : threads) {
                for (int i = 0; i < perRound; i++) {
                    String author = "person" + (i % PEOPLE);
                    insert.setLong(1, t.round());
                    insert.setString(2, t.tenant());
                    insert.setString(3, t.channel());
                    insert.setString(4, "bench-" + t.round() + "-" + i);
                    insert.setString(5, author);
                    insert.setString(
                            6,
                            "Answer " + i + ": we paired on the hardest ticket of the week and wrote down what we"
                                    + " learned, so the next person does not have to find it out again.");
                    insert.setString(7, i % 2 == 1 ? "person" + ((i - 1) % PEOPLE) : null);
                    insert.setTimestamp(8, Timestamp.from(start.plusMillis(i)));
                    insert.addBatch();
                }
                insert.executeBatch();
                close.setTimestamp(1, Timestamp.from(start.plusMillis(perRound)));
                close.setLong(2, t.round());
                close.executeUpdate();
                c.commit();
                written += perRound;
            }
        }
        return written;
    }

    /** A digest as posted on the console: its channel, when, and the token of its page link. */
    private record Posted(String channel, Instant at, String token) {}

    /** The console's top-level bot posts since the due time that link to a digest page. */
    private static List<Posted> digests(Database db, Instant due) throws Exception {
        List<Posted> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT channel_id, posted_at, text FROM local_message WHERE kind = 'BOT'"
                                + " AND thread_id IS NULL AND visible_to IS NULL AND posted_at >= ?"
                                + " AND text LIKE '%/digest/%'")) {
            ps.setTimestamp(1, Timestamp.from(due.minusSeconds(1)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Matcher m = LINK.matcher(rs.getString(3));
                    out.add(new Posted(rs.getString(1), rs.getTimestamp(2).toInstant(), m.find() ? m.group(1) : null));
                }
            }
        }
        return out;
    }
}
