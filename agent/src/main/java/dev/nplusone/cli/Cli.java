package dev.nplusone.cli;

import dev.nplusone.api.ReportFormat;

import dev.nplusone.agent.Agent;
import dev.nplusone.agent.Options;
import dev.nplusone.attach.AttachFailure;
import dev.nplusone.attach.Jvms;
import dev.nplusone.gate.Check;
import dev.nplusone.gate.Thresholds;
import dev.nplusone.gate.UnreadableReport;
import dev.nplusone.html.HtmlCommand;
import dev.nplusone.html.HtmlReport;
import dev.nplusone.json.JsonReader;
import dev.nplusone.report.Counted;
import dev.nplusone.report.ReportTarget;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code java -jar nplusone-agent.jar <command>}: the agent's command line.
 *
 * <p>Exit status: 0 done, 1 a check failed, 2 the command could not be carried out (with one line
 * on standard error saying why).
 */
public final class Cli {

    static final int OK = 0;
    static final int BAD_INPUT = 2;

    private final PrintStream out;
    private final Jvms jvms;

    Cli(PrintStream out, Jvms jvms) {
        this.out = out;
        this.jvms = jvms;
    }

    public static int run(String[] args) {
        try {
            return new Cli(System.out, new Jvms(agentJar())).dispatch(args);
        } catch (AttachFailure | IllegalArgumentException e) {
            System.err.println("nplusone: " + e.getMessage());
            return BAD_INPUT;
        } catch (UnreadableReport e) {
            System.err.println("nplusone: unreadable input: " + e.getMessage());
            return BAD_INPUT;
        } catch (IOException | URISyntaxException e) {
            System.err.println("nplusone: " + e);
            return BAD_INPUT;
        }
    }

    int dispatch(String[] args) throws AttachFailure, IOException, UnreadableReport {
        String command = args.length == 0 ? "help" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        switch (command) {
            case "help":
            case "--help":
            case "-h":
                usage(out);
                return OK;
            case "list":
                return list();
            case "attach":
                return attach(rest);
            case "dump":
                return dump(rest);
            case "detach":
                return detach(rest);
            case "check":
                String version = version();
                return new Check(out, version, (file, inputs, sources) -> HtmlReport.write(file, inputs, sources, version)).run(rest);
            case "html":
                return new HtmlCommand(out, version()).run(rest);
            default:
                throw new IllegalArgumentException("unknown command '" + command + "'; run 'java -jar nplusone-agent.jar help'");
        }
    }

    private int list() {
        List<Jvms.Jvm> all = jvms.list();
        out.printf("%-10s %s%n", "PID", "MAIN CLASS");
        for (Jvms.Jvm jvm : all) {
            out.printf("%-10s %s%n", jvm.pid, jvm.name);
        }
        return OK;
    }

    private int attach(List<String> args) throws AttachFailure {
        String pid = pid(args, "attach <pid> [key=value,...]");
        String options = absolutePaths(String.join(",", args.subList(1, args.size())));
        Options parsed = Options.parse(options, new Properties()); // a bad option fails here, not in the target
        if (parsed.report() != null) {
            // Here, where the user is, rather than in the target's log at its exit.
            String unwritable = ReportTarget.problem(parsed.report());
            if (unwritable != null) {
                throw new AttachFailure(unwritable);
            }
        }
        String state = jvms.state(pid);
        if (state != null && state.startsWith("recording")) {
            out.println("nplusone is already attached to process " + pid + " (" + state + "); detach first to attach with other options");
            return OK;
        }
        Properties target = jvms.properties(pid);
        jvms.load(pid, options);
        out.println("nplusone attached to process " + pid + "; new connections and pooled connections at their next use are recorded");
        if (warnsOfDynamicAgents(target)) {
            out.println("note: Java 21 and newer print a warning in process " + pid + " about a dynamically loaded agent"
                    + " (again at each dump and detach); start it with -XX:+EnableDynamicAgentLoading to silence it");
        }
        return OK;
    }

    private int dump(List<String> args) throws AttachFailure, IOException {
        String pid = pid(args, "dump <pid> [file]");
        Path file = Paths.get(args.size() > 1 ? args.get(1) : "nplusone-" + pid + ".json").toAbsolutePath();
        String unwritable = ReportTarget.problem(file); // makes missing directories, as report= does
        if (unwritable != null) {
            throw new AttachFailure(unwritable);
        }
        requireRecording(pid);
        jvms.load(pid, Agent.COMMAND + Agent.DUMP + " " + file);
        if (!Files.isRegularFile(file)) {
            throw new AttachFailure("process " + pid + " did not write " + file + " (it may run as another user; see its standard error)");
        }
        printSummary(pid, file);
        return OK;
    }

    private int detach(List<String> args) throws AttachFailure {
        String pid = pid(args, "detach <pid>");
        requireRecording(pid);
        jvms.load(pid, Agent.COMMAND + Agent.DETACH);
        out.println("nplusone detached from process " + pid + "; its classes are restored");
        return OK;
    }

    private void requireRecording(String pid) throws AttachFailure {
        String state = jvms.state(pid);
        if (state == null || !state.startsWith("recording")) {
            throw new AttachFailure("nplusone is not attached to process " + pid + "; attach it first");
        }
    }

    private static String pid(List<String> args, String usage) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("usage: java -jar nplusone-agent.jar " + usage);
        }
        return args.get(0);
    }

    // The target JVM may run in another directory: paths are made absolute here, where the user typed them.
    private static String absolutePaths(String options) {
        List<String> pairs = new ArrayList<>();
        for (String pair : options.split(",")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq).trim();
            if ((key.equals("report") || key.equals("log-file")) && eq > 0) {
                String value = pair.substring(eq + 1).trim();
                boolean directory = key.equals("report") && ReportTarget.isDirectory(value, Paths.get(value));
                pair = key + "=" + Paths.get(value).toAbsolutePath() + (directory ? File.separator : "");
            }
            if (!pair.isBlank()) {
                pairs.add(pair);
            }
        }
        return String.join(",", pairs);
    }

    private static boolean warnsOfDynamicAgents(Properties target) {
        String spec = target.getProperty("java.specification.version", "17");
        int feature;
        try {
            feature = Integer.parseInt(spec.contains(".") ? spec.substring(0, spec.indexOf('.')) : spec);
        } catch (NumberFormatException e) {
            return false;
        }
        return feature >= 21 && !target.getProperty("sun.jvm.flags", "").contains("EnableDynamicAgentLoading")
                && !target.getProperty("sun.jvm.args", "").contains("EnableDynamicAgentLoading");
    }

    @SuppressWarnings("unchecked")
    private void printSummary(String pid, Path file) throws IOException {
        Map<String, Object> report = (Map<String, Object>) JsonReader.parse(Files.readString(file, StandardCharsets.UTF_8));
        Map<String, Object> summary = (Map<String, Object>) report.get(ReportFormat.Report.SUMMARY);
        out.printf("process %s: %s (%s outside any scope) in %s of %s; %s%n", pid,
                Counted.of(summary.get(ReportFormat.Summary.STATEMENTS), "statement"), summary.get(ReportFormat.Summary.UNSCOPED),
                Counted.of(summary.get(ReportFormat.Summary.SCOPE_INSTANCES), "scope instance"),
                Counted.of(summary.get(ReportFormat.Summary.SCOPES), "name"), Counted.of(summary.get(ReportFormat.Summary.FINDINGS), "finding"));
        for (Object item : (List<Object>) report.get(ReportFormat.Report.FINDINGS)) {
            Map<String, Object> f = (Map<String, Object>) item;
            out.printf("  %-10s %-40s x%-5s at %s%n             %s%n", f.get(ReportFormat.Finding.TYPE), f.get(ReportFormat.Finding.SCOPE), f.get(ReportFormat.Finding.REPETITIONS),
                    f.get(ReportFormat.Finding.LOCATION), f.get(ReportFormat.Finding.SHAPE));
        }
        out.println("report: " + file);
    }

    static void usage(PrintStream out) {
        out.println("nplusone: finds N+1 queries in running JVM applications");
        out.println();
        out.println("Attach at start:");
        out.println("  java -javaagent:nplusone-agent.jar[=key=value,...] -jar app.jar");
        out.println();
        out.println("Commands:");
        out.println("  list                       JVMs this user can attach to");
        out.println("  attach <pid> [key=value,...]  load the agent into a running JVM");
        out.println("  dump <pid> [file]          write that JVM's JSON report now (default nplusone-<pid>.json; missing directories are made); print its summary");
        out.println("  detach <pid>               stop recording and remove the instrumentation");
        out.println("  check [thresholds] [options] <report.json|dir>...");
        out.println("                             merge reports, print every breach; exit 0 clean, 1 breach, 2 unreadable input");
        out.println("      --baseline=FILE        fail only on breaches not recorded in FILE");
        out.println("      --write-baseline=FILE  record today's breaches in FILE (and exit 0)");
        out.println("      --sarif=FILE           also write SARIF 2.1.0 (code-scanning annotations)");
        out.println("      --junit-xml=FILE       also write JUnit XML (CI test tabs)");
        out.println("      --html=FILE            also write the HTML report (with the lines around each finding from the source roots)");
        out.println("      --source-root=DIR      where sources live, for SARIF paths (default: every src/*/* under .)");
        out.println("      --option-names=maven   name options in messages as the Maven plugin's configuration does");
        out.println("  html <report.json|dir>... -o FILE [--sources DIR]...");
        out.println("                             one self-contained HTML page of the reports: findings to sort and expand, scopes,");
        out.println("                             each report; --sources adds the lines around each finding's location");
        out.println("  help                       this text");
        out.println();
        out.println("Options (after -javaagent:...=, after attach <pid>, or as -Dnplusone.key=value):");
        for (Map.Entry<String, String> key : Options.keys().entrySet()) {
            out.printf("  %-10s %s%n", key.getKey(), key.getValue());
        }
        out.println();
        out.println("Thresholds (for check, and as agent options: breaches are then logged at exit):");
        for (Map.Entry<String, String> key : Thresholds.keys().entrySet()) {
            out.printf("  %-19s %s%n", key.getKey(), key.getValue());
        }
        out.println("  key[scope pattern]  the same, for scopes whose name matches: max-queries[GET /reports/**]=200");
    }

    private static String version() {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(agentJar())) {
            String v = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
            return v == null ? "unknown" : v;
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }

    private static File agentJar() throws URISyntaxException {
        return new File(Cli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
