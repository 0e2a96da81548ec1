package dev.nplusone.it.apps;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/** Runs {@link BookShelfSpec} on the JUnit Platform, as a build's test JVM would, and prints the counts. */
public final class TestRunnerApp {

    private TestRunnerApp() {
    }

    public static void main(String[] args) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request().selectors(selectClass(BookShelfSpec.class)).build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        System.out.println("tests " + summary.getTestsSucceededCount() + " passed, " + summary.getTestsFailedCount() + " failed");
    }
}
