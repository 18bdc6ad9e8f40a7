package org.shoptalk.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The suite's sizes, from system properties (bench/pom.xml sets the documented full run; {@code -Dbench.x=...} on
 * the Maven command line overrides each).
 *
 * @param answers answers sent into one round, closed loop (the flatness check compares the first and last window)
 * @param window answers in each measured window of the closed loop (first and last)
 * @param concurrency requests in flight in the closed loop
 * @param rates open-loop arrival rates, requests per second
 * @param openSeconds how long each open-loop rate runs
 * @param moments guild counts for the moments-at-once section
 * @param databases "h2", "postgres" or both
 * @param sections which sections run: startup, ingestion, moments, fanout, digest
 * @param channels channels one guild posts a moment in, for the fan-out section
 * @param digestGuilds guilds whose digests are due in the same minute
 * @param digestAnswers answers in each of those guilds' round
 * @param pageRequests requests for digest pages (and as many for the bare handler), closed loop
 * @param appJvm JVM options of the child JVMs that run the app and the bare handler
 * @param jar the app's shaded jar
 * @param out where the JSON goes
 */
record Settings(
        int answers,
        int window,
        int concurrency,
        List<Integer> rates,
        int openSeconds,
        List<Integer> moments,
        List<String> databases,
        List<String> sections,
        int channels,
        int digestGuilds,
        int digestAnswers,
        int pageRequests,
        List<String> appJvm,
        Path jar,
        Path out) {

    static Settings fromSystemProperties() {
        Settings s = new Settings(
                Integer.getInteger("bench.answers", 9000),
                Integer.getInteger("bench.window", 2000),
                Integer.getInteger("bench.concurrency", 16),
                ints(System.getProperty("bench.rates", "200,500")),
                Integer.getInteger("bench.openSeconds", 10),
                ints(System.getProperty("bench.moments", "500,2000,10000")),
                words(System.getProperty("bench.databases", "h2,postgres")),
                words(System.getProperty("bench.sections", "startup,ingestion,moments,fanout,digest")),
                Integer.getInteger("bench.channels", 1000),
                Integer.getInteger("bench.digestGuilds", 1000),
                Integer.getInteger("bench.digestAnswers", 50),
                Integer.getInteger("bench.pageRequests", 5000),
                words(System.getProperty("bench.appJvm", "").replace(' ', ',')),
                Path.of(System.getProperty("bench.jar", "app/target/shoptalk.jar")),
                Path.of(System.getProperty("bench.out", "bench/target/bench.json")));
        if (s.window * 2 > s.answers) {
            throw new IllegalArgumentException("bench.answers must be at least twice bench.window");
        }
        return s;
    }

    boolean runs(String section) {
        return sections.contains(section);
    }

    private static List<Integer> ints(String csv) {
        return words(csv).stream().map(Integer::valueOf).toList();
    }

    private static List<String> words(String csv) {
        return Arrays.stream(csv.split(","))
                .map(String::strip)
                .filter(w -> !w.isEmpty())
                .toList();
    }
}
