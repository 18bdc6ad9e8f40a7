package org.shoptalk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark suite's entry point ({@code ./mvnw -Pbench -pl bench -am verify -DskipTests}, docs/performance.md):
 * runs the sections named in {@code bench.sections}, prints a table and writes {@code bench.out} as JSON. A section
 * that fails is reported and the others still run; no figure ever fails the build.
 */
public final class Bench {
    private static final Logger log = LoggerFactory.getLogger(Bench.class);

    private Bench() {}

    public static void main(String[] args) throws Exception {
        Settings s = Settings.fromSystemProperties();
        Results r = new Results(s);
        Path work = s.out().toAbsolutePath().getParent().resolve("bench-work");
        deleteTree(work);
        try (Databases databases = new Databases(work.resolve("db"))) {
            if (s.runs("startup")) {
                section(r, "startup", () -> StartupBench.run(s, r, work));
            }
            if (s.runs("ingestion")) {
                IngestionBench.Floor[] floor = new IngestionBench.Floor[1];
                section(r, "bare", () -> floor[0] = IngestionBench.floor(s, r, work));
                for (String kind : s.databases()) {
                    if (floor[0] != null) {
                        section(r, "answers-" + kind, () -> IngestionBench.run(s, r, floor[0], databases, kind, work));
                    }
                }
            }
            if (s.runs("moments")) {
                for (String kind : s.databases()) {
                    for (int n : s.moments()) {
                        section(r, "moments-" + kind, () -> MomentsBench.run(s, r, databases, kind, n));
                    }
                }
            }
            if (s.runs("fanout")) {
                section(r, "fanout", () -> FanoutBench.run(s, r, databases, work));
            }
            if (s.runs("digest")) {
                for (String kind : s.databases()) {
                    section(r, "digest-" + kind, () -> DigestBench.run(s, r, databases, kind, work));
                }
            }
        }
        r.print(System.out);
        r.write(s.out());
        System.out.println("JSON: " + s.out().toAbsolutePath());
    }

    private interface Section {
        void run() throws Exception;
    }

    private static void section(Results r, String name, Section section) {
        log.info("section {} starting", name);
        try {
            section.run();
        } catch (Exception e) {
            log.error("section {} failed", name, e);
            r.add(name, "FAILED: " + e, Double.NaN, "");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
