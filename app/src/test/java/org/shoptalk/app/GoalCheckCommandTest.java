package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GoalCheckCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void prints_the_analysis_of_an_english_goal_as_json_and_exits_0() throws IOException {
        int code = run("--lang", "en", "90% of tickets closed within 2 days");

        assertThat(code).isZero();
        assertThat(stderr()).isEmpty();
        JsonNode json = JSON.readTree(stdout());
        assertThat(fieldNames(json)).containsExactly("verdict", "targetGroup", "markers", "followUps");
        assertThat(json.get("verdict").asText()).isEqualTo("CRITERION");
        assertThat(json.get("targetGroup").isNull()).isTrue();
        assertThat(json.get("markers").get(0).get("kind").asText()).isEqualTo("PERCENTAGE_OR_COUNT");
        assertThat(json.get("markers").get(0).get("text").asText()).isEqualTo("90%");
        assertThat(json.get("followUps").get(0).asText()).contains("which result does it stand for");
    }

    @Test
    void a_dutch_result_names_its_target_group_with_accents_intact() throws IOException {
        int code = run("--lang=nl", "Cliënten ervaren dat ze zelf de regie houden over hun zorg");

        assertThat(code).isZero();
        JsonNode json = JSON.readTree(stdout());
        assertThat(json.get("verdict").asText()).isEqualTo("RESULT_FOR_TARGET_GROUP");
        assertThat(json.get("targetGroup").asText()).isEqualTo("cliënten");
        assertThat(json.get("followUps").get(0).asText()).startsWith("Welke waarde zit achter dit doel?");
    }

    @Test
    void words_outside_quotes_are_read_as_one_goal() throws IOException {
        int code = run("--lang", "en", "Train", "everyone", "in", "the", "new", "process");

        assertThat(code).isZero();
        assertThat(JSON.readTree(stdout()).get("verdict").asText()).isEqualTo("MEANS");
    }

    @Test
    void wrong_arguments_give_one_line_saying_what_is_wrong_and_exit_2() {
        assertBad(List.of("Better care"), "goal-check: --lang is missing; " + GoalCheckCommand.USAGE);
        assertBad(
                List.of("--lang", "de", "Better care"),
                "goal-check: unknown language \"de\"; " + GoalCheckCommand.USAGE);
        assertBad(List.of("--lang", "en"), "goal-check: the goal text is missing; " + GoalCheckCommand.USAGE);
        assertBad(List.of("--lang"), "goal-check: --lang needs nl or en; " + GoalCheckCommand.USAGE);
        assertBad(
                List.of("--lang", "en", "--lang", "nl", "x"),
                "goal-check: --lang is given twice; " + GoalCheckCommand.USAGE);
        assertBad(
                List.of("--verbose", "--lang", "en", "x"),
                "goal-check: unknown option --verbose; " + GoalCheckCommand.USAGE);
    }

    @Test
    void jar_runs_goal_check_without_starting_the_server_and_rejects_unknown_commands() throws Exception {
        Result ok = runMain(
                "goal-check", "--lang", "en", "customers can get on with their work quickly after reporting a problem");
        assertThat(ok.exitCode()).isZero();
        JsonNode json = JSON.readTree(ok.stdout());
        assertThat(json.get("verdict").asText()).isEqualTo("RESULT_FOR_TARGET_GROUP");
        assertThat(json.get("targetGroup").asText()).isEqualTo("customers");

        Result unknown = runMain("serve-me");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stdout()).isEmpty();
        assertThat(unknown.stderr().strip()).isEqualTo("Unknown command \"serve-me\"; " + Main.USAGE);
    }

    private void assertBad(List<String> args, String expectedLine) {
        out.reset();
        err.reset();
        assertThat(new GoalCheckCommand().run(args, print(out), print(err)))
                .as("%s", args)
                .isEqualTo(2);
        assertThat(stdout()).as("%s", args).isEmpty();
        assertThat(stderr()).as("%s", args).isEqualTo(expectedLine + System.lineSeparator());
    }

    private int run(String... args) {
        return new GoalCheckCommand().run(List.of(args), print(out), print(err));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    record Result(int exitCode, String stdout, String stderr) {}

    /** Runs the real main() in its own JVM, as someone trying the jar would; no SHOPTALK_* setting is needed. */
    private static Result runMain(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SHOPTALK_PORT", "not-a-port");
        builder.redirectError(ProcessBuilder.Redirect.PIPE);
        Process process = builder.start();
        process.getOutputStream().close();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), stdout, stderr);
    }
}
