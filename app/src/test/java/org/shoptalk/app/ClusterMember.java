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
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.shoptalk.core.CoreSettings;
import org.shoptalk.core.ShoptalkCore;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatform;
import org.shoptalk.core.chat.Platform;
import org.shoptalk.core.chat.PostLookup;
import org.shoptalk.core.chat.Posted;
import org.shoptalk.core.chat.ThreadRef;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.DbSettings;
import org.shoptalk.core.local.LocalChat;
import org.shoptalk.core.local.LocalMessage;
import org.shoptalk.core.local.LocalPlatform;
import org.slf4j.LoggerFactory;

/**
 * One Shoptalk instance of the cluster test, run as a JVM of its own so the test can kill it as abruptly
 * as a crashed machine: clustered core with its Quartz scheduler, on the shared PostgreSQL, with the local
 * console as its chat platform. Arguments: JDBC URL, user, password, instance id, chat latency in ms.
 *
 * <p>It talks to the test over stdin and stdout, one line each: {@code post<TAB>channel<TAB>user<TAB>text}
 * in, {@code @@reply<TAB>text} out. It also prints {@code @@ready} once started and
 * {@code @@posted<TAB>channel} for every round prompt it got onto the platform; other lines are logs.
 */
public final class ClusterMember {
    static final String READY = "@@ready";
    static final String REPLY = "@@reply\t";
    static final String POSTED = "@@posted\t";

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
        shoptalk.register(new SlowChat(chat.platform(), latency, out));
        shoptalk.start();
        out.println(READY);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] parts = line.split("\t", 4);
            try {
                chat.post(parts[1], parts[2], parts[3], null);
                List<LocalMessage> seen = chat.list(parts[1]);
                out.println(REPLY + seen.get(seen.size() - 1).text().replace('\n', ' '));
            } catch (RuntimeException e) {
                out.println(REPLY + "failed: " + e);
            }
        }
        shoptalk.close();
        database.close();
    }

    /**
     * The local console with a real chat API's latency, split at random around the moment the message lands,
     * so an instance killed mid-post dies on either side of the platform accepting it.
     */
    private record SlowChat(LocalPlatform local, Duration latency, PrintStream out)
            implements ChatPlatform, PostLookup {
        @Override
        public Platform platform() {
            return local.platform();
        }

        @Override
        public Posted postTopLevel(ChannelRef channel, ChatMessage message) {
            long before = ThreadLocalRandom.current().nextLong(latency.toMillis() + 1);
            pause(before);
            Posted posted = local.postTopLevel(channel, message);
            out.println(POSTED + channel.id());
            pause(latency.toMillis() - before);
            return posted;
        }

        @Override
        public Optional<Posted> findTopLevel(ChannelRef channel, ChatMessage message, Instant since) {
            return local.findTopLevel(channel, message, since);
        }

        @Override
        public Posted postInThread(ThreadRef thread, ChatMessage message) {
            return local.postInThread(thread, message);
        }

        @Override
        public void sendPrivate(UserRef user, ChatMessage message) {
            local.sendPrivate(user, message);
        }

        @Override
        public void update(Posted posted, ChatMessage message) {
            local.update(posted, message);
        }

        @Override
        public String displayName(UserRef user) {
            return local.displayName(user);
        }

        private static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
