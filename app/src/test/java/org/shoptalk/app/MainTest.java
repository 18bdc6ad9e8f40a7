package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Starts the real main() in its own JVM, as an operator would, to see what a bad setting does. */
class MainTest {

    @Test
    void bad_setting_stops_the_start_with_one_line_and_exit_code_2() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName());
        builder.environment().put("SHOPTALK_PORT", "abc");
        builder.redirectErrorStream(true);

        Process process = builder.start();
        String output = read(process);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output.strip())
                .isEqualTo("Shoptalk cannot start: SHOPTALK_PORT must be a port number 1-65535, got \"abc\"");
    }

    private static String read(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
