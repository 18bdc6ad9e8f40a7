package org.shoptalk.app;

import ch.qos.logback.classic.Level;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.shoptalk.core.CoreSettings;
import org.shoptalk.core.ShoptalkCore;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.PostLookup;
import org.shoptalk.core.chat.Posted;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.DbSettings;
import org.shoptalk.core.local.LocalChat;
import org.shoptalk.core.local.LocalMessage;
import org.shoptalk.core.local.LocalPlatform;
import org.shoptalk.core.testing.ForwardingChatPlatform;
import org.slf4j.LoggerFactory;

/**
 * One Shoptalk instance of the cluster test, run as a JVM of its own so the test can kill it as abruptly
 * as a crashed machine: clustered core with its Quartz scheduler, on the shared PostgreSQL, with the local
 * console as its chat platform. Arguments: JDBC URL, user, password, instance id, chat latency in ms.
 *
 * <p>It talks to the test over stdin and stdout, one line each: {@code post<TAB>channel<TAB>user<TAB>text}
 * in, {@code @@reply<TAB>text} out. It also prints {@code @@ready} once started and
 * {@code @@posted<TAB>channel} for every round prompt it got onto the platform; other lines are logs.
 *
 * <p>{@code hold<TAB>prefix} makes it hold every round prompt for a channel whose name starts with the prefix on its
 * way to the platform, until {@code release<TAB>prefix} (or the end of input): the first held prompt before it lands,
 * the second after it landed, and so on by turns, each announced as {@code @@held<TAB>channel<TAB>before|landed}. A
 * held prompt keeps its Quartz worker thread busy, so the test knows a moment is running on this instance, and on
 * which side of the platform, without guessing how long posting takes.
 */
public final class ClusterMember {
    static final String READY = "@@ready";
    static final String REPLY = "@@reply\t";
    static final String POSTED = "@@posted\t";
    static final String HELD = "@@held\t";
    static final String HOLD = "hold";
    static final String RELEASE = "release";
    static final String BEFORE = "before";
    static final String LANDED = "landed";

    private ClusterMember() {}

    public static void main(String[] args) throws Exception {
        DbSettings settings = new DbSettings(args[0], args[1], args[2], 10);
        String instanceId = args[3];
        Duration latency = Duration.ofMillis(Long.parseLong(args[4]));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        // How the instance takes over a dead one's work is what the test reports on.
        for (String logger :
                new String[] {"org.shoptalk.core.round", "org.shoptalk.core.task", "org.quartz.impl.jdbcjobstore"}) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(logger)).setLevel(Level.INFO);
        }
        Clock clock = Clock.systemUTC();
        Database database = Database.start(settings);
        CoreSettings core =
                new CoreSettings(Duration.ofHours(6), Duration.ofHours(72), Duration.ofHours(24), true, instanceId);
        ShoptalkCore shoptalk = ShoptalkCore.create(database, core, clock);
        LocalChat chat = new LocalChat(database, clock, shoptalk::shoptalk);
        Holds holds = new Holds();
        shoptalk.register(new SlowChat(chat.platform(), latency, holds, out));
        shoptalk.start();
        out.println(READY);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] parts = line.split("\t", 4);
            switch (parts[0]) {
                case HOLD -> {
                    holds.hold(parts[1]);
                    out.println(REPLY + "holding " + parts[1]);
                }
                case RELEASE -> {
                    holds.release(parts[1]);
                    out.println(REPLY + "released " + parts[1]);
                }
                default -> {
                    try {
                        chat.post(parts[1], parts[2], parts[3], null);
                        List<LocalMessage> seen = chat.list(parts[1]);
                        out.println(REPLY + seen.get(seen.size() - 1).text().replace('\n', ' '));
                    } catch (RuntimeException e) {
                        out.println(REPLY + "failed: " + e);
                    }
                }
            }
        }
        // Held prompts would keep the scheduler from stopping: the test is done with them.
        holds.releaseAll();
        shoptalk.close();
        database.close();
    }

    /**
     * The local console with a real chat API's latency, split at random around the moment the message lands,
     * so an instance killed mid-post dies on either side of the platform accepting it.
     */
    private static final class SlowChat extends ForwardingChatPlatform implements PostLookup {
        private final LocalPlatform local;
        private final Duration latency;
        private final Holds holds;
        private final PrintStream out;

        SlowChat(LocalPlatform local, Duration latency, Holds holds, PrintStream out) {
            super(local);
            this.local = local;
            this.latency = latency;
            this.holds = holds;
            this.out = out;
        }

        @Override
        public Posted postTopLevel(ChannelRef channel, ChatMessage message) {
            boolean prompt = isPrompt(message);
            Optional<Gate> gate = prompt ? holds.gateFor(channel.id()) : Optional.empty();
            boolean holdLanded = gate.isPresent() && gate.get().holdsLanded();
            if (gate.isPresent() && !holdLanded) {
                out.println(HELD + channel.id() + "\t" + BEFORE);
                gate.get().await();
            }
            long before = ThreadLocalRandom.current().nextLong(latency.toMillis() + 1);
            pause(before);
            Posted posted = super.postTopLevel(channel, message);
            if (prompt) {
                out.println(POSTED + channel.id());
            }
            if (holdLanded) {
                out.println(HELD + channel.id() + "\t" + LANDED);
                gate.get().await();
            }
            pause(latency.toMillis() - before);
            return posted;
        }

        /** A round's prompt, not a digest (a guild's weekly digest may fall in the same minute on a Friday). */
        private static boolean isPrompt(ChatMessage message) {
            return message.blocks().get(0) instanceof ChatMessage.Block.Header header
                    && header.text().startsWith("Reflection moment");
        }

        @Override
        public Optional<Posted> findTopLevel(ChannelRef channel, ChatMessage message, Instant since) {
            return local.findTopLevel(channel, message, since);
        }

        private static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The prefixes whose prompts are held, each with its gate. Thread-safe. */
    private static final class Holds {
        private final Map<String, Gate> gates = new ConcurrentHashMap<>();

        void hold(String prefix) {
            gates.put(prefix, new Gate());
        }

        void release(String prefix) {
            Gate gate = gates.remove(prefix);
            if (gate != null) {
                gate.open();
            }
        }

        void releaseAll() {
            gates.keySet().forEach(this::release);
        }

        Optional<Gate> gateFor(String channel) {
            return gates.entrySet().stream()
                    .filter(e -> channel.startsWith(e.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst();
        }
    }

    /** Held prompts wait here until it opens; they take turns holding before and after landing. Thread-safe. */
    private static final class Gate {
        private final CountDownLatch open = new CountDownLatch(1);
        private final AtomicInteger held = new AtomicInteger();

        /** Whether the next prompt held here is held after it landed rather than before. */
        boolean holdsLanded() {
            return held.getAndIncrement() % 2 == 1;
        }

        void await() {
            try {
                open.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void open() {
            open.countDown();
        }
    }
}
