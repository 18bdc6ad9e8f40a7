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
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.sql.Connection;
import java.sql.Statement;
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
            .callMethodWhere(target(owner(JavaClass.Predicates.assignableTo(Connection.class))))
            .orShould()
            .callMethodWhere(target(owner(JavaClass.Predicates.assignableTo(Statement.class))))
            .because("each table has one store that owns its statements (issue 14)");

    @Test
    void only_stores_and_the_db_package_run_sql() {
        JavaClasses core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.shoptalk.core");

        assertThat(core.size()).as("bot-core's classes were found").isGreaterThan(100);
        SQL_ONLY_IN_STORES.check(core);
    }

    @Test
    void the_rule_catches_a_statement_outside_a_store() {
        JavaClasses leaky = new ClassFileImporter().importClasses(LeakyService.class, LeakyStore.class);

        var result = SQL_ONLY_IN_STORES.evaluate(leaky);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("LeakyService"))
                .noneSatisfy(line -> assertThat(line).contains("LeakyStore."));
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }

    /** Not a store: the rule must name it. */
    static final class LeakyService {
        int forget(Handle h) {
            return h.update("DELETE FROM answer");
        }
    }
}
