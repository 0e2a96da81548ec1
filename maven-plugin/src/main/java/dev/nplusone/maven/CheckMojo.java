package dev.nplusone.maven;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the agent's check command on the reports that the test JVMs wrote, in a JVM of its own, and
 * fails the build when it finds a breach: an N+1, or a threshold exceeded.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMojo {

    private static final int CLEAN = 0;
    private static final int BREACH = 1;
    private static final int CANNOT_CHECK = 2;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${plugin.artifactMap}", readonly = true, required = true)
    private Map<String, Artifact> pluginArtifactMap;

    /** The directory of reports to check: every {@code *.json} file in it or below it. */
    @Parameter(property = "nplusone.reportDirectory", defaultValue = "${project.build.directory}/nplusone", required = true)
    private File reportDirectory;

    /**
     * Thresholds, each handed to the check as one argument: {@code fail-on-n-plus-one=false},
     * {@code fail-on-duplicate=true}, {@code fail-on-batchable=true}, {@code max-queries=50},
     * {@code max-queries[GET /reports/**]=200}.
     */
    @Parameter(property = "nplusone.thresholds")
    private List<String> thresholds;

    /** Findings recorded in this file are known and do not fail the build. */
    @Parameter(property = "nplusone.baseline")
    private File baseline;

    /** Write the findings of this run to this file, for use as a baseline later. */
    @Parameter(property = "nplusone.writeBaseline")
    private File writeBaseline;

    /**
     * Write the breaches as SARIF 2.1.0 to this file, for code scanning; none by default. Its paths
     * are relative to the directory Maven runs in, where the check looks for src/SET/LANGUAGE.
     */
    @Parameter(property = "nplusone.sarif")
    private File sarif;

    /** Write the breaches as a JUnit XML report to this file (for CI test views); none by default. */
    @Parameter(property = "nplusone.junitXml")
    private File junitXml;

    /**
     * Write the HTML report (findings to sort and expand, statements per scope, each report) to this
     * file. By default beside the SARIF file, named as it is with {@code .html}, or
     * {@code target/nplusone.html} when no SARIF file is written.
     */
    @Parameter(property = "nplusone.html")
    private File html;

    /** When false, no HTML report is written. */
    @Parameter(property = "nplusone.writeHtml", defaultValue = "true")
    private boolean writeHtml;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    private File buildDirectory;

    /** When false, breaches are logged as warnings and the build goes on. */
    @Parameter(property = "nplusone.haltOnFailure", defaultValue = "true")
    private boolean haltOnFailure;

    @Parameter(property = "nplusone.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(property = "skipTests", defaultValue = "false", readonly = true)
    private boolean skipTests;

    @Parameter(property = "maven.test.skip", defaultValue = "false", readonly = true)
    private boolean skipTestCompilation;

    @Parameter(defaultValue = "${project.build.testOutputDirectory}", readonly = true)
    private File testClasses;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping nplusone check: skip is true");
            return;
        }
        List<Path> reports = reports();
        if (reports.isEmpty()) {
            if (skipTests || skipTestCompilation || !hasTestClasses()) {
                getLog().warn("Skipping nplusone check: no *.json report in " + reportDirectory + " (tests skipped, or none in this project)");
                return;
            }
            // Tests ran but no JVM wrote a report: passing now would pass a gate that checked nothing.
            throw new MojoFailureException("no nplusone report in " + reportDirectory + " although this project has tests:"
                    + " the agent did not run in the test JVMs. Is prepare-agent bound before the tests, and does a surefire or failsafe"
                    + " <argLine> of your own include @{argLine}? A bad agent option stops the agent with 'nplusone: agent not started'"
                    + " on the tests' standard error. Set nplusone.skip to skip the check.");
        }
        refuseOutputsReadAsReports();
        getLog().info("Checking " + reports.size() + " nplusone report(s) in " + reportDirectory);
        CheckProcess.Result result = run(command(AgentJar.find(pluginArtifactMap)));
        verdict(result);
    }

    private boolean hasTestClasses() throws MojoExecutionException {
        if (testClasses == null || !testClasses.isDirectory()) {
            return false;
        }
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(testClasses.toPath())) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".class"));
        } catch (IOException e) {
            throw new MojoExecutionException("cannot list " + testClasses + ": " + e, e);
        }
    }

    private List<Path> reports() throws MojoExecutionException {
        try {
            return Reports.in(reportDirectory);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot list the reports in " + reportDirectory + ": " + e, e);
        }
    }

    private void refuseOutputsReadAsReports() throws MojoExecutionException {
        File[] files = {baseline, writeBaseline, sarif, junitXml, htmlFile()};
        for (File file : files) {
            if (file != null && Reports.wouldBeRead(file, reportDirectory)) {
                throw new MojoExecutionException(file + " is a *.json file in the report directory, so the check would read it"
                        + " as a report and prepare-agent would delete it; put it elsewhere or name it otherwise");
            }
        }
    }

    private List<String> command(File agentJar) {
        List<String> command = new ArrayList<>();
        command.add(new File(new File(System.getProperty("java.home"), "bin"), javaExecutable()).getPath());
        // UTF-8 on every JDK and platform, as CheckProcess reads it: SQL may hold any character.
        command.add("-Dfile.encoding=UTF-8");
        command.add("-Dstdout.encoding=UTF-8");
        command.add("-Dstderr.encoding=UTF-8");
        command.add("-jar");
        command.add(agentJar.getAbsolutePath());
        command.add("check");
        // Its messages then name this plugin's parameters (<baseline>, -Dnplusone.writeBaseline), not the command line's options.
        command.add("--option-names=maven");
        if (thresholds != null) {
            for (String threshold : thresholds) {
                if (threshold != null && !threshold.isBlank()) {
                    command.add(threshold.trim());
                }
            }
        }
        addFile(command, "--baseline=", baseline);
        addFile(command, "--write-baseline=", writeBaseline);
        addFile(command, "--sarif=", sarif);
        addFile(command, "--junit-xml=", junitXml);
        addFile(command, "--html=", htmlFile());
        command.add(reportDirectory.getAbsolutePath());
        return command;
    }

    /** The HTML report's file: as configured, else beside the SARIF file, else in the build directory; null when off. */
    File htmlFile() {
        if (!writeHtml) {
            return null;
        }
        if (html != null) {
            return html;
        }
        if (sarif != null) {
            String name = sarif.getName();
            int dot = name.lastIndexOf('.');
            return new File(sarif.getAbsoluteFile().getParentFile(), (dot > 0 ? name.substring(0, dot) : name) + ".html");
        }
        return new File(buildDirectory, "nplusone.html");
    }

    private static void addFile(List<String> command, String option, File file) {
        if (file != null) {
            command.add(option + file.getAbsolutePath());
        }
    }

    private static String javaExecutable() {
        return System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java";
    }

    private CheckProcess.Result run(List<String> command) throws MojoExecutionException {
        getLog().debug("Running " + String.join(" ", command));
        try {
            // The check resolves the SARIF file's source paths against its working directory.
            File directory = new File(session.getExecutionRootDirectory());
            return CheckProcess.run(command, directory, line -> getLog().info(line), line -> getLog().warn(line));
        } catch (IOException e) {
            throw new MojoExecutionException("cannot run the nplusone check (" + command.get(0) + "): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("interrupted while the nplusone check ran", e);
        }
    }

    private void verdict(CheckProcess.Result result) throws MojoExecutionException, MojoFailureException {
        // A JVM that cannot start also exits with 1, but prints nothing to standard output.
        if (result.exitCode == BREACH && !result.out.isEmpty()) {
            List<String> breaches = breaches(result.out);
            if (haltOnFailure) {
                throw new MojoFailureException(String.join(System.lineSeparator(), breaches));
            }
            getLog().warn("haltOnFailure is false, so the build goes on despite:");
            breaches.forEach(line -> getLog().warn(line));
            return;
        }
        if (result.exitCode != CLEAN) {
            List<String> said = new ArrayList<>();
            for (String line : result.err.isEmpty() ? result.out : result.err) {
                said.add(line.startsWith("nplusone: ") ? line.substring("nplusone: ".length()) : line);
            }
            String reason = said.isEmpty() ? "it printed nothing" : String.join(System.lineSeparator(), said);
            throw new MojoExecutionException("the nplusone check could not judge the reports in " + reportDirectory
                    + (result.exitCode == CANNOT_CHECK ? "" : " (exit status " + result.exitCode + ")") + ": " + reason);
        }
    }

    /**
     * The check's verdict line, then each breach's headline (scope, count, location) and statement:
     * the failure message that ends the build log, where the stacks printed above would be noise.
     * All of the output when it holds no line this knows.
     */
    static List<String> breaches(List<String> out) {
        List<String> lines = new ArrayList<>();
        String verdict = null;
        for (String line : out) {
            if (line.startsWith("BREACH ") || line.startsWith("  statement:")) {
                lines.add(line);
            } else if (line.startsWith("nplusone check: FAILED")) {
                verdict = line;
            }
        }
        if (lines.isEmpty()) {
            return out;
        }
        lines.add(0, verdict == null ? "nplusone check failed" : verdict);
        return lines;
    }
}
