package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The repository's files as the deploy tests read them: found from the test's working directory. */
final class RepositoryFiles {
    static final Path ROOT = repositoryRoot();
    static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    // A variable the code reads appears as an exact string literal: env.get("SHOPTALK_DB_URL").
    private static final Pattern VARIABLE_LITERAL =
            Pattern.compile("\"((?:SHOPTALK|SLACK|MICROSOFT|TEAMS)_[A-Z0-9_]+)\"");

    private RepositoryFiles() {}

    /** Every variable name that appears as a string literal in the main code of any module. */
    static Set<String> knownVariables() {
        Set<String> names = new TreeSet<>();
        modules().stream()
                .map(m -> ROOT.resolve(m).resolve("src/main/java"))
                .filter(Files::isDirectory)
                .flatMap(src -> files(src, "java").stream())
                .forEach(f -> VARIABLE_LITERAL.matcher(read(f)).results().forEach(m -> names.add(m.group(1))));
        assertThat(names).as("variables found in the code").contains("SHOPTALK_DB_URL");
        return names;
    }

    /** The modules the parent pom builds. */
    static List<String> modules() {
        return Pattern.compile("<module>([^<]+)</module>")
                .matcher(read(ROOT.resolve("pom.xml")))
                .results()
                .map(m -> m.group(1).strip())
                .collect(Collectors.toList());
    }

    /** A Dockerfile's instructions, one string each: comments dropped, continued lines joined. */
    static List<String> dockerInstructions(String dockerfile) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : dockerfile.split("\n", -1)) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && current.length() == 0)) {
                continue;
            }
            boolean continues = line.endsWith("\\");
            current.append(continues ? line.substring(0, line.length() - 1) : line)
                    .append(continues ? " " : "");
            if (!continues) {
                instructions.add(current.toString().replaceAll("\\s+", " ").strip());
                current.setLength(0);
            }
        }
        return instructions;
    }

    static JsonNode yaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> files(Path dir, String... extensions) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> Stream.of(extensions)
                            .anyMatch(x -> f.getFileName().toString().endsWith("." + x)))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file's path from the repository root, for messages. */
    static String name(Path file) {
        return ROOT.relativize(file).toString().replace('\\', '/');
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("deploy"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no directory with mvnw and deploy/ above " + Path.of("").toAbsolutePath());
    }
}
