package org.shoptalk.core.testing;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Tells {@link TestDatabases} when a top-level test class has finished, so that the databases it asked
 * for can go. Nested classes share their outer class's databases and do not count. Registered with the JUnit
 * Platform launcher through {@code META-INF/services}, so it runs for every module that has core's test jar.
 */
public final class TestDatabasesListener implements TestExecutionListener {
    private volatile TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        TestPlan current = plan;
        if (current != null && isTopLevelClass(current, identifier)) {
            TestDatabases.dropHandedOut();
        }
    }

    private static boolean isTopLevelClass(TestPlan plan, TestIdentifier identifier) {
        return identifier.getSource().filter(ClassSource.class::isInstance).isPresent()
                && plan.getParent(identifier)
                        .map(parent -> parent.getParentIdObject().isEmpty())
                        .orElse(false);
    }
}
