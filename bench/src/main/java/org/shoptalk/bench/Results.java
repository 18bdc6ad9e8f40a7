package org.shoptalk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one run, with the machine they came from; printed as a table and written as JSON. */
final class Results {
    /**
     * One figure.
     *
     * @param ratio the figure divided by the bare Javalin handler's same figure in this run, or null
     */
    record Row(String section, String what, double value, String unit, Double ratio) {}

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> machine = new LinkedHashMap<>();
    private final Map<String, Object> settings = new LinkedHashMap<>();

    Results(Settings s) {
        machine.put("nproc", Runtime.getRuntime().availableProcessors());
        machine.put("memoryMb", memTotalMb());
        machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("load1", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        machine.put("date", Instant.now().toString());
        settings.put("answers", s.answers());
        settings.put("window", s.window());
        settings.put("concurrency", s.concurrency());
        settings.put("rates", s.rates());
        settings.put("openSeconds", s.openSeconds());
        settings.put("moments", s.moments());
        settings.put("databases", s.databases());
        settings.put("channels", s.channels());
        settings.put("digestGuilds", s.digestGuilds());
        settings.put("digestAnswers", s.digestAnswers());
        settings.put("pageRequests", s.pageRequests());
        settings.put("appJvm", String.join(" ", s.appJvm()));
    }

    /** A count or a whole number of milliseconds; exact in a double up to 2^53. */
    synchronized void add(String section, String what, long value, String unit) {
        add(section, what, (double) value, unit, null);
    }

    /**
     * The lag figures of a burst: p50 ("due -> posted"), p99 and max of {@code sortedLags} (milliseconds, ascending),
     * each NaN when nothing was posted. A percentile is the nearest rank: the smallest lag at or above p% of them.
     */
    void addLags(String section, String label, long[] sortedLags) {
        add(section, label + ": lag p50 due -> posted", percentile(sortedLags, 50), "ms");
        add(section, label + ": lag p99", percentile(sortedLags, 99), "ms");
        add(section, label + ": lag max", percentile(sortedLags, 100), "ms");
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))];
    }

    synchronized void add(String section, String what, double value, String unit) {
        add(section, what, value, unit, null);
    }

    synchronized void add(String section, String what, double value, String unit, Double ratio) {
        rows.add(new Row(section, what, value, unit, ratio));
        System.out.printf(
                Locale.ROOT,
                "[bench] %-10s %-58s %12s %-8s%s%n",
                section,
                what,
                fmt(value),
                unit,
                ratio == null ? "" : String.format(Locale.ROOT, " (%.2fx bare)", ratio));
    }

    void print(PrintStream out) {
        out.println();
        out.println("Machine: " + machine);
        out.printf(
                Locale.ROOT,
                "| %-10s | %-58s | %12s | %-8s | %-8s |%n",
                "section",
                "figure",
                "value",
                "unit",
                "vs bare");
        out.println("|---|---|---|---|---|");
        for (Row r : rows) {
            out.printf(
                    Locale.ROOT,
                    "| %-10s | %-58s | %12s | %-8s | %-8s |%n",
                    r.section,
                    r.what,
                    fmt(r.value),
                    r.unit,
                    r.ratio == null ? "" : String.format(Locale.ROOT, "%.2fx", r.ratio));
        }
    }

    void write(Path file) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("machine", machine);
        doc.put("settings", settings);
        doc.put("results", rows);
        Files.createDirectories(file.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), doc);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e12
                ? String.format(Locale.ROOT, "%,d", (long) v)
                : String.format(Locale.ROOT, "%,.2f", v);
    }

    private static long memTotalMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: leave it out
        }
        return -1;
    }
}
