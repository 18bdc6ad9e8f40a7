package org.shoptalk.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.shoptalk.core.db.DbSettings;

/**
 * The databases a test class asks for go when that class has finished (H2's folders too, which filled the temp folder
 * run after run), not all at once when the JVM
 * exits, where deleting a whole run's worth took longer than Surefire waits for a test JVM to end.
 */
class TestDatabasesTest {

    @Test
    void the_databases_a_test_class_asked_for_are_dropped_once_the_class_has_finished() throws InterruptedException {
        AsksForDatabases.handedOut.clear();
        AsksForDatabases.h2.clear();

        var summary = new SummaryGeneratingListener();
        LauncherFactory.create()
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectClass(AsksForDatabases.class))
                                .build(),
                        summary);

        assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(3);
        assertThat(AsksForDatabases.handedOut).hasSize(2);
        Await.until(() -> AsksForDatabases.handedOut.stream().noneMatch(TestDatabases::exists), Duration.ofSeconds(30));
        assertThat(AsksForDatabases.h2).hasSize(1);
        Await.until(() -> !Files.exists(folder(AsksForDatabases.h2.get(0))), Duration.ofSeconds(30));
    }

    /** The temp folder an H2 database of {@link TestDatabases#h2()} lives in. */
    private static Path folder(DbSettings h2) {
        return Path.of(h2.url().substring("jdbc:h2:file:".length())).getParent();
    }

    /**
     * Run by the test above through a launcher of its own. Its nested classes use the databases of the class around
     * them, so the end of a nested class must not drop them.
     */
    @TestClassOrder(ClassOrderer.OrderAnnotation.class)
    static class AsksForDatabases {
        static final List<DbSettings> handedOut = new CopyOnWriteArrayList<>();
        static final List<DbSettings> h2 = new CopyOnWriteArrayList<>();

        @Test
        void asks_for_one() {
            handedOut.add(TestDatabases.postgres());
            h2.add(TestDatabases.h2());
        }

        @Nested
        @Order(1)
        class First {
            @Test
            void asks_for_another() {
                handedOut.add(TestDatabases.postgres());
            }
        }

        @Nested
        @Order(2)
        class Second {
            @Test
            void finds_both_still_there_after_the_first_nested_class_finished() {
                assertThat(handedOut).hasSize(2).allMatch(TestDatabases::exists);
                assertThat(h2)
                        .singleElement()
                        .satisfies(db -> assertThat(folder(db)).exists());
            }
        }
    }
}
