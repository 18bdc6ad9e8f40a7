package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shoptalk.app.HelmTemplates.lookup;
import static org.shoptalk.app.RepositoryFiles.ROOT;
import static org.shoptalk.app.RepositoryFiles.YAML;
import static org.shoptalk.app.RepositoryFiles.dockerInstructions;
import static org.shoptalk.app.RepositoryFiles.files;
import static org.shoptalk.app.RepositoryFiles.knownVariables;
import static org.shoptalk.app.RepositoryFiles.name;
import static org.shoptalk.app.RepositoryFiles.read;
import static org.shoptalk.app.RepositoryFiles.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine or helm binary runs where the tests run, so the files under deploy/ are checked as text:
 * they parse, the chart's templates only use values that exist, and every variable they set is one
 * Shoptalk reads, with the settings they give accepted by {@link AppConfig}.
 */
class DeployFilesTest {
    private static final Path DEPLOY = ROOT.resolve("deploy");
    private static final Path CHART = DEPLOY.resolve("helm/shoptalk");
    private static final Path TEMPLATES = CHART.resolve("templates");
    private static final Set<String> CREDENTIALS = Set.of(
            "SHOPTALK_DB_PASSWORD",
            "SHOPTALK_SECRET",
            "SLACK_BOT_TOKEN",
            "SLACK_SIGNING_SECRET",
            "SLACK_CLIENT_ID",
            "SLACK_CLIENT_SECRET",
            "SLACK_APP_TOKEN",
            "MICROSOFT_APP_ID",
            "MICROSOFT_APP_PASSWORD",
            "MICROSOFT_APP_TENANT_ID");
    // Read by the JVM itself rather than by Shoptalk.
    private static final Set<String> JVM_VARIABLES = Set.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS");

    @Test
    void every_yaml_file_under_deploy_parses() {
        List<String> problems = new ArrayList<>();
        List<String> parsed = new ArrayList<>();
        for (Path file : files(DEPLOY, "yml", "yaml")) {
            if (file.startsWith(TEMPLATES)) {
                continue;
            }
            try {
                List<JsonNode> documents = YAML.readerFor(JsonNode.class)
                        .<JsonNode>readValues(file.toFile())
                        .readAll();
                if (documents.isEmpty() || !documents.stream().allMatch(JsonNode::isObject)) {
                    problems.add(name(file) + ": expected one or more mappings");
                }
                parsed.add(name(file));
            } catch (IOException e) {
                problems.add(name(file) + ": " + e.getMessage());
            }
        }
        assertThat(problems).isEmpty();
        assertThat(parsed)
                .contains(
                        "deploy/docker-compose.yml",
                        "deploy/helm/shoptalk/Chart.yaml",
                        "deploy/helm/shoptalk/values.yaml");
    }

    @Test
    void every_helm_template_is_well_formed_yaml_around_its_template_actions() {
        List<String> problems = new ArrayList<>();
        for (Path template : files(TEMPLATES, "yaml")) {
            try {
                YAML.readTree(HelmTemplates.skeleton(read(template)));
            } catch (IOException e) {
                problems.add(name(template) + ": " + e.getMessage());
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void helm_template_braces_and_blocks_balance() {
        List<String> problems = new ArrayList<>();
        for (Path template : files(TEMPLATES, "yaml", "tpl", "txt")) {
            String text = read(template);
            HelmTemplates.balanceProblem(text).ifPresent(p -> problems.add(name(template) + ": " + p));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void helm_templates_use_only_values_that_values_yaml_defines_and_every_value_is_used() {
        JsonNode values = values();
        List<String> problems = new ArrayList<>();
        Set<String> usedTopLevel = new TreeSet<>();
        for (Path template : files(TEMPLATES, "yaml", "tpl", "txt")) {
            Matcher reference = HelmTemplates.VALUES_REFERENCE.matcher(read(template));
            while (reference.find()) {
                String path = reference.group(1).substring(1);
                usedTopLevel.add(path.split("\\.", -1)[0]);
                if (lookup(values, path) == null) {
                    problems.add(name(template) + " uses .Values." + path + ", which values.yaml does not define");
                }
            }
        }
        values.fieldNames().forEachRemaining(key -> {
            if (!usedTopLevel.contains(key)) {
                problems.add("values.yaml defines " + key + ", which no template uses");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void deploy_files_pass_only_variables_shoptalk_reads_and_every_credential() {
        Set<String> passed = new TreeSet<>(passedVariables());
        passed.removeAll(JVM_VARIABLES);
        assertThat(passed)
                .contains("SHOPTALK_DB_URL", "SHOPTALK_CLUSTERED", "SHOPTALK_INSTANCE_ID")
                .containsAll(CREDENTIALS)
                .isSubsetOf(knownVariables());
    }

    @Test
    void helm_chart_takes_every_credential_from_a_secret() {
        Map<String, JsonNode> env = chartEnvironment();
        List<String> problems = new ArrayList<>();
        for (String name : new TreeSet<>(CREDENTIALS)) {
            JsonNode entry = env.get(name);
            JsonNode ref = entry == null ? null : entry.path("valueFrom").path("secretKeyRef");
            if (entry == null) {
                problems.add(name + " is not set");
            } else if (entry.has("value") || !ref.isObject()) {
                problems.add(name + " does not come from a secretKeyRef");
            } else if (!ref.path("name").asText().contains(".Values.secrets.name")
                    || !ref.path("key").asText().contains(".Values.secrets.keys.")
                    || !ref.path("optional").isBoolean()) {
                problems.add(name + " needs name .Values.secrets.name, a key from .Values.secrets.keys and optional");
            }
        }
        env.forEach((name, entry) -> {
            if (name.matches(".*(PASSWORD|SECRET|TOKEN).*") && !CREDENTIALS.contains(name)) {
                problems.add(name + " looks like a credential: add it to the list this test checks");
            }
        });
        assertThat(problems).isEmpty();
        assertThat(env.get("SHOPTALK_DB_PASSWORD")
                        .at("/valueFrom/secretKeyRef/optional")
                        .asBoolean())
                .as("without the database password no replica can start")
                .isFalse();
    }

    @Test
    void helm_chart_defaults_give_a_clustered_postgresql_configuration_shoptalk_accepts() {
        JsonNode values = values();
        Map<String, String> env = new HashMap<>();
        chartEnvironment().forEach((name, entry) -> {
            if (entry.has("value")) {
                String value = entry.get("value").asText();
                Optional<String> path = HelmTemplates.valuesPath(value);
                JsonNode fromValues = path.map(p -> lookup(values, p)).orElse(null);
                assertThat(path.isEmpty() || fromValues != null)
                        .as(name + ": " + value + " in values.yaml")
                        .isTrue();
                env.put(name, path.isEmpty() ? value : fromValues.asText());
            } else if (entry.at("/valueFrom/fieldRef/fieldPath").asText().equals("metadata.name")) {
                env.put(name, "shoptalk-5d8c7b9f4-x2x7q");
            } else if (!entry.at("/valueFrom/secretKeyRef/optional").asBoolean(true)) {
                env.put(name, "from-the-kubernetes-secret");
            }
        });

        AppConfig config = AppConfig.fromEnvironment(env);

        assertThat(config.database().url()).startsWith("jdbc:postgresql://");
        assertThat(config.core().clustered()).isTrue();
        assertThat(config.core().instanceId()).isEqualTo("shoptalk-5d8c7b9f4-x2x7q");
        assertThat(config.localConsole()).isFalse();
    }

    @Test
    void helm_chart_runs_two_probed_non_root_replicas_with_resources_and_a_disruption_budget() {
        JsonNode values = values();
        assertThat(values.path("replicaCount").asInt()).isEqualTo(2);
        assertThat(values.at("/podDisruptionBudget/enabled").asBoolean()).isTrue();
        assertThat(values.at("/podDisruptionBudget/minAvailable").asInt()).isEqualTo(1);
        assertThat(values.at("/podSecurityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(values.at("/podSecurityContext/runAsUser").asInt()).isPositive();
        assertThat(values.at("/resources/requests/cpu").asText()).isNotEmpty();
        assertThat(values.at("/resources/requests/memory").asText()).isNotEmpty();
        assertThat(values.at("/resources/limits/memory").asText()).isNotEmpty();

        JsonNode container = container();
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
        assertThat(read(TEMPLATES.resolve("deployment.yaml"))).contains("toYaml .Values.resources");
        assertThat(template("service.yaml").path("kind").asText()).isEqualTo("Service");
        assertThat(template("ingress.yaml").path("kind").asText()).isEqualTo("Ingress");
        assertThat(read(TEMPLATES.resolve("ingress.yaml"))).startsWith("{{- if .Values.ingress.enabled }}");
        assertThat(template("poddisruptionbudget.yaml").path("kind").asText()).isEqualTo("PodDisruptionBudget");
    }

    @Test
    void compose_runs_postgresql_and_two_clustered_replicas_shoptalk_accepts() {
        JsonNode services = compose().path("services");
        JsonNode postgres = services.path("postgres");
        assertThat(postgres.path("image").asText()).startsWith("postgres:16");
        assertThat(postgres.at("/healthcheck/test").toString()).contains("pg_isready");
        assertThat(postgres.path("volumes").toString()).contains("/var/lib/postgresql/data");

        Map<String, JsonNode> replicas = replicas();
        assertThat(replicas).hasSize(2);
        Set<String> instanceIds = new TreeSet<>();
        replicas.forEach((name, replica) -> {
            assertThat(replica.at("/depends_on/postgres/condition").asText())
                    .as(name)
                    .isEqualTo("service_healthy");
            Map<String, String> env = new HashMap<>(envExample());
            env.put("SHOPTALK_DB_PASSWORD", "from-the-env-file");
            replica.path("environment")
                    .properties()
                    .forEach(e -> env.put(e.getKey(), e.getValue().asText()));

            AppConfig config = AppConfig.fromEnvironment(env);

            assertThat(config.database().url()).as(name).startsWith("jdbc:postgresql://postgres:");
            assertThat(config.core().clustered()).as(name).isTrue();
            instanceIds.add(config.core().instanceId());
        });
        assertThat(instanceIds).as("distinct SHOPTALK_INSTANCE_ID").hasSize(2).doesNotContain("AUTO");
    }

    @Test
    void compose_keeps_credentials_in_the_env_file() {
        List<String> problems = new ArrayList<>();
        replicas().forEach((name, replica) -> {
            assertThat(replica.path("env_file").isMissingNode())
                    .as(name + " env_file")
                    .isFalse();
            replica.path("environment").properties().forEach(e -> {
                if (CREDENTIALS.contains(e.getKey()) && !e.getValue().asText().startsWith("${")) {
                    problems.add(name + " has a literal " + e.getKey());
                }
            });
        });
        envExample().forEach((key, value) -> {
            if (CREDENTIALS.contains(key) && !value.isEmpty()) {
                problems.add("shoptalk.env.example has a value for " + key);
            }
        });
        assertThat(problems).isEmpty();
        assertThat(compose()
                        .at("/services/postgres/environment/POSTGRES_PASSWORD")
                        .asText())
                .startsWith("${SHOPTALK_DB_PASSWORD");
    }

    @Test
    void proxy_sends_requests_round_robin_to_both_replicas() {
        JsonNode services = compose().path("services");
        List<String> proxies = new ArrayList<>();
        services.fieldNames().forEachRemaining(n -> {
            if (services.get(n).has("ports")) {
                proxies.add(n);
            }
        });
        assertThat(proxies).as("services publishing a port").hasSize(1);
        JsonNode proxy = services.get(proxies.get(0));
        String mount = proxy.path("volumes").get(0).asText();
        String config = read(DEPLOY.resolve(mount.substring(0, mount.indexOf(':'))));

        Matcher upstream = Pattern.compile("upstream\\s+(\\w+)\\s*\\{([^}]*)}").matcher(config);
        assertThat(upstream.find()).as("an upstream block in " + mount).isTrue();
        Set<String> servers = Pattern.compile("server\\s+([\\w.-]+):(\\d+)")
                .matcher(upstream.group(2))
                .results()
                .map(m -> m.group(1) + ":" + m.group(2))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = replicas().keySet().stream()
                .map(n -> n + ":" + AppConfig.DEFAULT_PORT)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(servers).isEqualTo(expected);
        assertThat(upstream.group(2)).doesNotContain("least_conn", "ip_hash", "hash ");
        assertThat(config).contains("proxy_pass http://" + upstream.group(1) + ";");
    }

    @Test
    void dockerfile_builds_on_the_jdk_and_runs_the_jar_on_the_jre_as_non_root_with_a_health_check() {
        List<String> instructions = dockerInstructions(read(DEPLOY.resolve("Dockerfile")));
        List<Integer> froms = new ArrayList<>();
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).startsWith("FROM ")) {
                froms.add(i);
            }
        }
        assertThat(froms).hasSizeGreaterThanOrEqualTo(2);
        List<String> build = instructions.subList(froms.get(0), froms.get(1));
        List<String> run = instructions.subList(froms.get(froms.size() - 1), instructions.size());
        assertThat(build.get(0)).startsWith("FROM eclipse-temurin:17-jdk");
        assertThat(build).anyMatch(i -> i.startsWith("RUN ") && i.contains("./mvnw -B -ntp package -DskipTests"));
        assertThat(run.get(0)).startsWith("FROM eclipse-temurin:17-jre");
        assertThat(run).anyMatch(i -> i.startsWith("COPY --from=") && i.contains("shoptalk.jar"));

        List<String> users = run.stream().filter(i -> i.startsWith("USER ")).collect(Collectors.toList());
        assertThat(users).as("USER in the final stage").isNotEmpty();
        String user = users.get(users.size() - 1).substring(5).strip().split(":", -1)[0];
        assertThat(user).isNotIn("root", "0");
        assertThat(values().at("/podSecurityContext/runAsUser").asText())
                .as("the chart's runAsUser")
                .isEqualTo(user);
        assertThat(run).anyMatch(i -> i.startsWith("HEALTHCHECK ") && i.contains("/healthz"));
        assertThat(run).contains("EXPOSE 8080", "ENTRYPOINT [\"java\", \"-jar\", \"/app/shoptalk.jar\"]");
        assertThat(run).anyMatch(i -> i.startsWith("VOLUME ") && i.contains("/app/data"));
        assertThat(read(ROOT.resolve("app/pom.xml"))).contains("/shoptalk.jar</outputFile>");

        assertThat(read(ROOT.resolve(".dockerignore")).lines().map(String::strip))
                .contains(".git", "**/target/", "data/");
    }

    /** Every variable the chart, compose, its env file example and the Dockerfile give Shoptalk. */
    private static Set<String> passedVariables() {
        Set<String> names = new TreeSet<>(chartEnvironment().keySet());
        names.addAll(envExample().keySet());
        replicas().values().forEach(r -> r.path("environment").fieldNames().forEachRemaining(names::add));
        dockerInstructions(read(DEPLOY.resolve("Dockerfile"))).stream()
                .filter(i -> i.startsWith("ENV "))
                .forEach(i -> Pattern.compile("([A-Z_][A-Z0-9_]*)=")
                        .matcher(i)
                        .results()
                        .forEach(m -> names.add(m.group(1))));
        return names;
    }

    private static Map<String, JsonNode> chartEnvironment() {
        Map<String, JsonNode> env = new LinkedHashMap<>();
        container().path("env").forEach(entry -> env.put(entry.path("name").asText(), entry));
        return env;
    }

    private static JsonNode container() {
        JsonNode containers = template("deployment.yaml").at("/spec/template/spec/containers");
        assertThat(containers.size()).as("containers in deployment.yaml").isEqualTo(1);
        return containers.get(0);
    }

    private static Map<String, JsonNode> replicas() {
        Map<String, JsonNode> replicas = new LinkedHashMap<>();
        compose().path("services").properties().forEach(e -> {
            if (e.getValue().at("/build/dockerfile").asText().equals("deploy/Dockerfile")) {
                replicas.put(e.getKey(), e.getValue());
            }
        });
        return replicas;
    }

    private static Map<String, String> envExample() {
        Map<String, String> env = new LinkedHashMap<>();
        read(DEPLOY.resolve("shoptalk.env.example"))
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .forEach(l -> env.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        return env;
    }

    private static JsonNode values() {
        return yaml(CHART.resolve("values.yaml"));
    }

    private static JsonNode compose() {
        return yaml(DEPLOY.resolve("docker-compose.yml"));
    }

    private static JsonNode template(String file) {
        try {
            return YAML.readTree(HelmTemplates.skeleton(read(TEMPLATES.resolve(file))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
