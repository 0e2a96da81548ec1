package dev.nplusone.samples;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Properties;

/**
 * Runs sample test classes on the JUnit Platform, as a build's test JVM would, and writes each
 * outcome to a properties file for the integration tests to read: for a test (or a class that
 * failed as a whole) named {@code BudgetSample#overBudgetFails}, or {@code ...#method[1]} for an
 * invocation of a parameterized test, the keys {@code <name>.status}, {@code <name>.exception},
 * {@code <name>.message} and {@code <name>.suppressed.<i>}.
 *
 * <p>Arguments: the output file, then the sample classes' names.
 */
public final class SampleRunner {

    private SampleRunner() {
    }

    public static void main(String[] args) throws Exception {
        Properties outcomes = new Properties();
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (int i = 1; i < args.length; i++) {
            request.selectors(DiscoverySelectors.selectClass(args[i]));
        }
        LauncherFactory.create().execute(request.build(), new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest() || result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && id.getSource().isPresent()) {
                    record(outcomes, name(id), result);
                }
            }
        });
        try (OutputStream out = Files.newOutputStream(Paths.get(args[0]))) {
            outcomes.store(out, null);
        }
        System.out.println("ran " + outcomes.stringPropertyNames().stream().filter(k -> k.endsWith(".status")).count() + " outcomes");
    }

    private static void record(Properties outcomes, String name, TestExecutionResult result) {
        outcomes.setProperty(name + ".status", result.getStatus().name());
        result.getThrowable().ifPresent(t -> {
            outcomes.setProperty(name + ".exception", t.getClass().getName());
            outcomes.setProperty(name + ".message", String.valueOf(t.getMessage()));
            Throwable[] suppressed = t.getSuppressed();
            for (int i = 0; i < suppressed.length; i++) {
                outcomes.setProperty(name + ".suppressed." + i, suppressed[i].getClass().getName() + ": " + suppressed[i].getMessage());
            }
        });
    }

    private static String name(TestIdentifier id) {
        Object source = id.getSource().orElseThrow();
        if (source instanceof ClassSource) {
            return simpleName(((ClassSource) source).getClassName());
        }
        MethodSource method = (MethodSource) source;
        String name = simpleName(method.getClassName()) + "#" + method.getMethodName();
        String display = id.getDisplayName();
        return display.startsWith("[") ? name + display.substring(0, display.indexOf(']') + 1) : name;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
