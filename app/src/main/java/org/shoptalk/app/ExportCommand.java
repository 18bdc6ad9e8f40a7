package org.shoptalk.app;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.digest.DigestExport;
import org.shoptalk.core.digest.DigestHistory;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;

/**
 * {@code java -jar shoptalk.jar export --guild ID --format csv|md|json [--from YYYY-MM-DD] [--to YYYY-MM-DD]}:
 * writes a guild's digest history to standard output from the configured database, with no server. The guild
 * is given by number or by name; an unknown one gets the list of guilds. People are named by their platform
 * id, since no chat platform is asked.
 */
final class ExportCommand {
    static final String NAME = "export";
    static final String USAGE = "usage: java -jar shoptalk.jar export --guild ID|NAME --format csv|md|json"
            + " [--from YYYY-MM-DD] [--to YYYY-MM-DD]";
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private ExportCommand() {}

    /**
     * Runs the export for main(): the file on {@code out} (standard output), anything else on standard error.
     * Log lines go to whatever System.out is when they are written, so it is pointed at standard error first:
     * the export on standard output stays a clean file.
     */
    static int runFromMain(List<String> args, PrintStream out, PrintStream err) {
        System.setOut(System.err);
        int code = run(args, System.getenv(), out, err, Clock.systemUTC());
        out.flush();
        return code;
    }

    /** @param args the arguments after "export" */
    static int run(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err, Clock clock) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String name = args.get(i);
            if (!List.of("--guild", "--format", "--from", "--to").contains(name)
                    || i + 1 >= args.size()
                    || options.put(name, args.get(i + 1)) != null) {
                return usage(err, "unexpected \"" + oneLine(name) + "\"");
            }
        }
        String guildArg = options.get("--guild");
        Optional<DigestExport> format = DigestExport.parse(options.get("--format"));
        if (guildArg == null || guildArg.isBlank()) {
            return usage(err, "--guild needs the guild's number or name");
        }
        if (format.isEmpty()) {
            return usage(err, "--format must be csv, md or json");
        }
        for (String date : new String[] {"--from", "--to"}) {
            if (options.containsKey(date) && PeriodQuery.date(options.get(date)).isEmpty()) {
                return usage(err, date + " must be a date like 2026-11-30");
            }
        }
        AppConfig config;
        try {
            config = AppConfig.fromEnvironment(environment);
        } catch (ConfigException e) {
            err.println("Shoptalk cannot export: " + e.getMessage());
            return BAD_INPUT;
        }
        Database db;
        try {
            db = ShoptalkApp.openDatabase(config.database());
        } catch (RuntimeException e) {
            err.println(
                    "Shoptalk cannot open the database ("
                            + config.database().url().replaceAll("\\?.*", "?...")
                            + "): is a running Shoptalk holding the embedded database? Stop it, or export from the digest page.");
            return FAILED;
        }
        try (db) {
            DigestHistory history = DigestHistory.withIds(db);
            List<Guild> all = db.withHandle(h -> new GuildStore().all(h));
            List<Guild> matches = all.stream()
                    .filter(g -> String.valueOf(g.id()).equals(guildArg.strip())
                            || g.name().equalsIgnoreCase(guildArg.strip()))
                    .toList();
            if (matches.size() != 1) {
                err.println((matches.isEmpty()
                                ? "There is no guild \"" + oneLine(guildArg) + "\" in this database"
                                : "Several guilds are called \"" + oneLine(guildArg) + "\": give the number")
                        + "; guilds: "
                        + list(matches.isEmpty() ? all : matches));
                return BAD_INPUT;
            }
            Optional<Guild> guild = Optional.of(matches.get(0));
            Instant now = clock.instant();
            Optional<PeriodQuery> period = PeriodQuery.parse(
                    null, options.get("--from"), options.get("--to"), guild.get(), now, Integer.MAX_VALUE);
            if (period.isEmpty()) {
                return usage(err, "--from must not come after --to");
            }
            out.print(format.get()
                    .write(history.read(
                            guild.get(), period.get().from(), period.get().to())));
            out.flush();
            return OK;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println(problem + "; " + USAGE);
        return BAD_INPUT;
    }

    private static String list(List<Guild> guilds) {
        if (guilds.isEmpty()) {
            return "none yet";
        }
        String shown = guilds.stream()
                .limit(20)
                .map(g -> g.id() + " " + oneLine(g.name()) + " (" + g.tenant().key() + ")")
                .collect(Collectors.joining(", "));
        return guilds.size() > 20 ? shown + ", ..." : shown;
    }

    private static String oneLine(String s) {
        String flat = s.replaceAll("\\p{Cntrl}", "?");
        return flat.length() > 40 ? flat.substring(0, 40) + "..." : flat;
    }
}
