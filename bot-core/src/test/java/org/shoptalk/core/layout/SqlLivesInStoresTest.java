package org.shoptalk.core.layout;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.db.Handle;

/**
 * Issue 14, "SQL where its table lives": only a {@code *Store} class (or a class nested in one) and the {@code db}
 * package (the pool, {@link Handle}, the Java migrations) run SQL, so every table has one owner
 * (docs/code-layout.md, "Data access").
 */
class SqlLivesInStoresTest {
    private static final DescribedPredicate<JavaClass> A_STORE = DescribedPredicate.describe(
            "a *Store class", c -> topLevel(c).getSimpleName().endsWith("Store"));

    private static final ArchRule SQL_ONLY_IN_STORES = noClasses()
            .that(DescribedPredicate.not(A_STORE))
            .and()
            .resideOutsideOfPackage("org.shoptalk.core.db..")
            .should()
            .callMethodWhere(target(owner(JavaClass.Predicates.assignableTo(Handle.class)))
                    .and(target(nameMatching("query|queryOne|count|update|insert|insertIfAbsent|connection"))))
            .orShould()
            .callMethodWhere(target(owner(JavaClass.Predicates.resideInAPackage("java.sql")))
                    .and(target(nameMatching("prepare.*|createStatement|execute.*|addBatch"))))
            .because("each table has one store that owns its statements (issue 14)");

    @Test
    void only_stores_and_the_db_package_run_sql() {
        // bot-core's compiled main classes only: scanning the whole class path for the package took ~30 s.
        JavaClasses core = new ClassFileImporter().importPath(Path.of("target/classes"));

        assertThat(core.size()).as("bot-core's classes were found").isGreaterThan(100);
        SQL_ONLY_IN_STORES.check(core);
    }

    @Test
    void the_rule_catches_a_statement_outside_a_store() {
        JavaClasses leaky = new ClassFileImporter().importClasses(LeakyService.class, LeakyStore.class);

        var result = SQL_ONLY_IN_STORES.evaluate(leaky);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("LeakyService").contains("Handle.update"))
                .anySatisfy(line -> assertThat(line).contains("LeakyService").contains("prepareStatement"))
                .noneSatisfy(line -> assertThat(line).contains("LeakyStore."));
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }

    /** Not a store: the rule must name it, for the Handle call and for the raw JDBC one. */
    static final class LeakyService {
        int forget(Handle h) throws java.sql.SQLException {
            try (var ps = h.connection().prepareStatement("DELETE FROM answer")) {
                return ps.executeUpdate() + h.update("DELETE FROM goal");
            }
        }
    }
}
