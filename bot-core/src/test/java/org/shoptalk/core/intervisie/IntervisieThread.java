package org.shoptalk.core.intervisie;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.shoptalk.core.db.Handle;
import org.shoptalk.core.task.Task;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.FakeChatPlatform;
import org.shoptalk.core.testing.PlannedRuns;

/**
 * One intervisie as its participants see it, on a {@link CoreFixture}: the shared steps of the intervisie tests.
 * Deadlines and reminders run through {@code ShoptalkCore.runTask}, the outcome handling Quartz uses, at the
 * instants the session planned, with the fixture's clock moved there first.
 */
final class IntervisieThread {
    static final String CHANNEL = "craft";

    private final CoreFixture f;
    final long id;
    final String thread;

    private IntervisieThread(CoreFixture f, long id, String thread) {
        this.f = f;
        this.id = id;
        this.thread = thread;
    }

    /** A guild "Craft" in channel craft, led by lea, with the given members (language: en or nl). */
    static void guild(CoreFixture f, String lang, String... members) {
        f.run("lea", CHANNEL, "guild create Craft lang " + lang + " tz Europe/Amsterdam");
        for (String m : members) {
            f.run(m, CHANNEL, "guild join");
        }
    }

    /** {@code who} brings a case with {@code method}; returns the private reply and the session. */
    static IntervisieThread bring(CoreFixture f, String who, String method) {
        String reply = f.run(who, CHANNEL, "intervisie " + method);
        if (!reply.contains("#")) {
            throw new AssertionError("not started: " + reply);
        }
        List<FakeChatPlatform.Sent> top = f.chat.topLevel(CHANNEL);
        String thread = top.get(top.size() - 1).threadId();
        long id = f.count("SELECT MAX(id) FROM intervisie");
        return new IntervisieThread(f, id, thread);
    }

    String say(String who, String text) {
        return f.reply(CHANNEL, thread, who, text);
    }

    /** What the bot said in the thread after its opening post, oldest first. */
    List<String> botLines() {
        return f.chat.all().stream()
                .filter(s -> thread.equals(s.threadId()) && !s.id().equals(thread))
                .map(FakeChatPlatform.Sent::text)
                .toList();
    }

    String opening() {
        return f.chat.topLevel(CHANNEL).stream()
                .filter(s -> s.threadId().equals(thread))
                .findFirst()
                .orElseThrow()
                .text();
    }

    /** {@code who} writes {@code text} in the thread; what the bot said last after it. */
    String answer(String who, String text) {
        say(who, text);
        return lastLine();
    }

    String lastLine() {
        List<String> lines = botLines();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    int phase() {
        return (int) f.count("SELECT phase FROM intervisie WHERE id = ?", id);
    }

    String state() {
        return f.db.withHandle(h -> h.queryOne("SELECT state FROM intervisie WHERE id = ?", rs -> rs.getString(1), id))
                .orElseThrow();
    }

    Instant closes() {
        return f.db.withHandle(h -> h.queryOne(
                        "SELECT phase_closes_at FROM intervisie WHERE id = ?",
                        rs -> Handle.instant(rs, "phase_closes_at"),
                        id))
                .orElseThrow();
    }

    /** The phase's deadline comes: the clock moves there and the planned task runs. */
    void deadline() {
        Instant at = closes();
        f.clock.set(at);
        f.core().runTask(new Task.Intervisie(id), at);
    }

    /**
     * The phase's reminder time comes (a quarter of a day-long window before it closes), and with it any later look
     * planned for someone whose quiet hours it fell in, up to the deadline (docs/rhythm.md).
     */
    void reminderTime() {
        Instant at = closes().minus(Duration.ofHours(6));
        f.clock.set(at);
        f.core().runTask(new Task.Intervisie(id), at);
        PlannedRuns.fireUntil(f, new Task.Intervisie(id), closes().minusMillis(1));
    }

    /** Whether Quartz holds a plan for this session's deadline or reminder. */
    boolean planned() {
        return f.count("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE JOB_NAME = ?", "intervisie-" + id) > 0;
    }
}
