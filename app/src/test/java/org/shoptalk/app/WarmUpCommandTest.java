package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code warm-up}, the build's training start for the class-data archive README's command uses: it starts and stops
 * Shoptalk on a database of its own, so running it where a real {@code ./data} lives never touches that database.
 */
class WarmUpCommandTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void warm_up_starts_and_stops_on_a_new_database_it_removes_and_never_on_the_one_in_data() throws IOException {
        boolean dataBefore = Files.exists(Path.of("data"));
        long leftBefore = warmUpDirectories();

        int code = WarmUpCommand.run(List.of(), print());

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(WarmUpCommand.OK);
        assertThat(Files.exists(Path.of("data"))).isEqualTo(dataBefore);
        assertThat(warmUpDirectories()).isEqualTo(leftBefore);
    }

    @Test
    void warm_up_takes_no_arguments() {
        int code = WarmUpCommand.run(List.of("--port", "9000"), print());

        assertThat(code).isEqualTo(GoalCheckCommand.BAD_ARGUMENTS);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo(
                        "warm-up takes no arguments; usage: java -jar shoptalk.jar warm-up" + System.lineSeparator());
    }

    private static long warmUpDirectories() throws IOException {
        try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return tmp.filter(p -> p.getFileName().toString().startsWith("shoptalk-warm-up"))
                    .count();
        }
    }

    private PrintStream print() {
        return new PrintStream(err, true, StandardCharsets.UTF_8);
    }
}
