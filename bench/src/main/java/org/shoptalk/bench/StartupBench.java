package org.shoptalk.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The jar as a deployment starts it, on the embedded H2 with the local console: milliseconds from process start to
 * /readyz answering 200 (first start, migrations included, then a restart on the same data), and resident memory
 * once it has idled a few seconds, under the JVM options docs/production.md recommends and under the JVM's defaults;
 * then with a class-data archive made by one training start, as the image does: a restart, and a first start on a new
 * empty database (what a new deployment of deploy/Dockerfile sees).
 */
final class StartupBench {
    private static final Duration IDLE = Duration.ofSeconds(5);

    private StartupBench() {}

    static void run(Settings s, Results r, Path dir) throws Exception {
        String jar = s.jar().toAbsolutePath().toString();
        measure(r, "documented JVM options", s.appJvm(), jar, dir.resolve("startup-tuned"));
        measure(r, "JVM defaults", List.of(), jar, dir.resolve("startup-default"));
        // A class-data archive, made by one training start as the Dockerfile does (docs/production.md).
        Path cds = dir.resolve("startup-cds");
        Path archive = cds.resolve("shoptalk.jsa").toAbsolutePath();
        List<String> training = new ArrayList<>(s.appJvm());
        training.add("-XX:ArchiveClassesAtExit=" + archive);
        try (ChildJvm app = ChildJvm.start(training, List.of("-jar", jar), Map.of(), cds, "cds-training")) {
            app.awaitReady("/readyz", Duration.ofMinutes(2));
        }
        List<String> withArchive = new ArrayList<>(s.appJvm());
        withArchive.add("-XX:SharedArchiveFile=" + archive);
        String archived = "documented options + class-data archive";
        try (ChildJvm app = ChildJvm.start(withArchive, List.of("-jar", jar), Map.of(), cds, "startup")) {
            ready(r, archived + ": restart", app);
            Thread.sleep(IDLE.toMillis());
            r.add("startup", archived + ": idle RSS", app.rssMb(), "MB");
        }
        // What a guild deploying deploy/Dockerfile sees the very first time: the archive, and a new empty database.
        try (ChildJvm app = ChildJvm.start(
                withArchive, List.of("-jar", jar), Map.of(), dir.resolve("startup-cds-first"), "startup")) {
            ready(r, archived + ": first start", app);
        }
    }

    /**
     * Waits for {@code /readyz} and adds the wall time from process start and the app's CPU time until then. On a busy
     * machine the wall time mostly measures the neighbours; the CPU time is the app's own.
     */
    private static void ready(Results r, String label, ChildJvm app) throws Exception {
        long ready = app.awaitReady("/readyz", Duration.ofMinutes(2));
        r.add("startup", label + " to /readyz (H2)", ready, "ms");
        r.add("startup", label + ", CPU time used until ready", app.cpuMillis(), "ms");
    }

    private static void measure(Results r, String label, List<String> jvm, String jar, Path dir) throws Exception {
        for (String start : List.of("first start", "restart")) {
            try (ChildJvm app = ChildJvm.start(jvm, List.of("-jar", jar), Map.of(), dir, "startup")) {
                ready(r, label + ": " + start, app);
                if (start.equals("restart")) {
                    Thread.sleep(IDLE.toMillis());
                    r.add("startup", label + ": idle RSS " + IDLE.toSeconds() + " s after ready", app.rssMb(), "MB");
                }
            }
        }
    }
}
