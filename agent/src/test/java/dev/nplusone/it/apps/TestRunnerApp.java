package dev.nplusone.it.apps;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.runner.JUnitCore;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Runs the JUnit 5 specs on the JUnit Platform, as a build's test JVM would, then the JUnit 4 spec
 * with JUnit 4's own runner, and prints the counts.
 */
public final class TestRunnerApp {

    private TestRunnerApp() {
    }

    public static void main(String[] args) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request().selectors(selectClass(BookShelfSpec.class), selectClass(ShelfContract.SmallShelfSpec.class),
                selectClass(ShelfContract.LargeShelfSpec.class), selectClass(ShelfPerAuthorSpec.class)).build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        System.out.println("tests " + summary.getTestsSucceededCount() + " passed, " + summary.getTestsFailedCount() + " failed");
        org.junit.runner.Result junit4 = JUnitCore.runClasses(Junit4ShelfSpec.class);
        System.out.println("junit4 " + (junit4.getRunCount() - junit4.getFailureCount()) + " passed, " + junit4.getFailureCount() + " failed");
    }
}
