package org.shoptalk.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The catalog keys a module's code names, read from its sources, so a test can check the catalog has each. */
public final class TextKeys {
    private TextKeys() {}

    /**
     * Every first group of {@code key} in the {@code .java} files under {@code sources} (relative to the module the
     * test runs in, e.g. {@code src/main/java}).
     */
    public static Set<String> namedIn(Path sources, Pattern key) throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(file));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        return named;
    }
}
