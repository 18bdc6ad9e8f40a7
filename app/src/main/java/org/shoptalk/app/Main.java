package org.shoptalk.app;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar shoptalk.jar}: reads the environment, starts Shoptalk, stops it cleanly on shutdown.
 * With arguments it runs a one-off command instead ({@code goal-check}, {@code export}, {@code warm-up}) and starts
 * no server to keep.
 */
public final class Main {
    static final int BAD_CONFIGURATION = 2;
    static final int FAILED_TO_START = 1;
    static final String USAGE = "usage: java -jar shoptalk.jar [goal-check --lang nl|en \"TEXT\""
            + " | export --guild ID --format csv|md|json | warm-up] (without arguments it starts the server)";

    private Main() {}

    public static void main(String[] args) {
        if (args.length > 0) {
            System.exit(runCommand(args, utf8(FileDescriptor.out), utf8(FileDescriptor.err)));
            return;
        }
        AppConfig config;
        try {
            config = AppConfig.fromEnvironment(System.getenv());
        } catch (ConfigException e) {
            // One line, no stack trace: the person starting us needs to know which variable to fix.
            System.err.println("Shoptalk cannot start: " + e.getMessage());
            System.exit(BAD_CONFIGURATION);
            return;
        }
        Logger log = LoggerFactory.getLogger(Main.class);
        ShoptalkApp app;
        try {
            app = ShoptalkApp.start(config, List.of());
        } catch (RuntimeException e) {
            log.error("Shoptalk could not start: {}", rootMessage(e));
            log.debug("start failure", e);
            System.exit(FAILED_TO_START);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shoptalk-shutdown"));
    }

    static int runCommand(String[] args, PrintStream out, PrintStream err) {
        if (args[0].equals(GoalCheckCommand.NAME)) {
            return new GoalCheckCommand().run(Arrays.asList(args).subList(1, args.length), out, err);
        }
        if (args[0].equals(WarmUpCommand.NAME)) {
            return WarmUpCommand.run(Arrays.asList(args).subList(1, args.length), err);
        }
        if (args[0].equals(ExportCommand.NAME)) {
            return ExportCommand.runFromMain(Arrays.asList(args).subList(1, args.length), out, err);
        }
        err.println("Unknown command \"" + args[0] + "\"; " + USAGE);
        return GoalCheckCommand.BAD_ARGUMENTS;
    }

    /** JSON with Dutch text must come out as UTF-8 whatever the platform's default encoding is. */
    private static PrintStream utf8(FileDescriptor fd) {
        return new PrintStream(new FileOutputStream(fd), true, StandardCharsets.UTF_8);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }
}
