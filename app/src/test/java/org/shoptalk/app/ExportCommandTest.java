package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shoptalk.core.testing.Csv;

/** {@code java -jar shoptalk.jar export ...} on a database a guild has used, with no server running. */
class ExportCommandTest {
    @TempDir
    Path dir;

    private Map<String, String> env() {
        return Map.of("SHOPTALK_DB_URL", "jdbc:h2:file:" + dir.resolve("shoptalk"));
    }

    /** A guild with one moment and two answers, the second responding to the first; then the server stops. */
    private void guildWithAnswers() {
        try (ShoptalkApp app =
                ShoptalkApp.start(AppConfig.fromEnvironment(env()).withPort(0), List.of())) {
            ConsoleClient craft = new ConsoleClient(new Http(app.port()), "craft");
            craft.command("alice", "/shoptalk guild create Craft lang en");
            String thread = craft.moment("alice");
            craft.post("alice", "Slow down, then speed up.", thread);
            craft.post("bob", "So \"slow\" how, @alice?\nTell me more.", thread);
        }
    }

    private record Run(int code, String out, String err) {}

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ExportCommand.run(
                List.of(args),
                env(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Clock.systemUTC());
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void exports_csv_json_and_markdown_of_a_guild_by_number_or_name() throws Exception {
        guildWithAnswers();

        Run csv = run("--guild", "1", "--format", "csv");
        assertThat(csv.code()).as(csv.err()).isZero();
        List<List<String>> rows = Csv.parse(csv.out());
        assertThat(rows).hasSize(3);
        int text = rows.get(0).indexOf("text");
        assertThat(rows.get(2).get(text)).isEqualTo("So \"slow\" how, @alice?\nTell me more.");
        assertThat(rows.get(2).get(rows.get(0).indexOf("responds_to_id"))).isEqualTo("alice");

        Run json = run("--guild", "craft", "--format", "json", "--from", "2000-01-01", "--to", "2999-12-31");
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("rounds").get(0).get("answers")).hasSize(2);

        Run md = run("--format", "md", "--guild", "1");
        assertThat(md.out()).startsWith("# Craft: reflection moments").contains("> Slow down, then speed up.");

        Run none = run("--guild", "1", "--format", "csv", "--from", "2001-01-01", "--to", "2001-12-31");
        assertThat(Csv.parse(none.out())).hasSize(1);
    }

    @Test
    void bad_arguments_get_one_line_of_usage_and_exit_code_2() {
        for (String[] args : new String[][] {
            {},
            {"--guild", "1"},
            {"--guild", "1", "--format", "xlsx"},
            {"--guild", "1", "--format", "csv", "--from", "yesterday"},
            {"--guild"},
            {"--colour", "red"}
        }) {
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().strip()).doesNotContain("\n").contains(ExportCommand.USAGE);
        }
    }

    @Test
    void an_unknown_guild_or_backwards_dates_are_explained() {
        guildWithAnswers();

        Run unknown = run("--guild", "7", "--format", "csv");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err().strip())
                .isEqualTo("There is no guild \"7\" in this database; guilds: 1 Craft (local:local)");
        Run backwards = run("--guild", "1", "--format", "csv", "--from", "2026-12-01", "--to", "2026-11-01");
        assertThat(backwards.code()).isEqualTo(2);
        assertThat(backwards.err()).startsWith("--from must not come after --to; usage:");
    }

    @Test
    void the_jar_entry_point_writes_only_the_export_on_stdout() throws Exception {
        guildWithAnswers();

        Process process = java(env(), "export", "--guild", "1", "--format", "csv");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isZero();
        assertThat(Csv.parse(out)).hasSize(3);

        Process bad = java(env(), "export", "--format", "pdf");
        String err = new String(bad.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bad.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).isEqualTo(2);
        assertThat(err.strip()).isEqualTo("--guild needs the guild's number or name; " + ExportCommand.USAGE);
    }

    private static Process java(Map<String, String> env, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        return builder.start();
    }
}
