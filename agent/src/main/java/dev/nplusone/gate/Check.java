package dev.nplusone.gate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code check}: reads reports, judges them, prints every breach, writes what was asked for.
 * Exit status 0 clean, 1 a breach, 2 input it could not read or arguments it did not understand.
 */
public final class Check {

    public static final int CLEAN = 0;
    public static final int BREACHED = 1;
    public static final int BAD_INPUT = 2;

    /** How many frames of a finding's stack the console shows; the reports keep them all. */
    private static final int FRAMES_SHOWN = 6;

    private final PrintStream out;
    private final String version;

    public Check(PrintStream out, String version) {
        this.out = out;
        this.version = version;
    }

    /** Runs the command; IllegalArgumentException and UnreadableReport are the caller's to print. */
    public int run(List<String> args) throws UnreadableReport, IOException {
        List<String> thresholdArgs = new ArrayList<>();
        List<Path> inputs = new ArrayList<>();
        List<Path> sourceRoots = new ArrayList<>();
        Path baselineFile = null;
        Path writeBaseline = null;
        Path sarif = null;
        Path junitXml = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                String name = eq < 0 ? arg : arg.substring(0, eq);
                String value;
                if (eq >= 0) {
                    value = arg.substring(eq + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new IllegalArgumentException("option " + name + " needs a file: " + name + "=FILE");
                }
                switch (name) {
                    case "--baseline":
                        baselineFile = Paths.get(value);
                        break;
                    case "--write-baseline":
                        writeBaseline = Paths.get(value);
                        break;
                    case "--sarif":
                        sarif = Paths.get(value);
                        break;
                    case "--junit-xml":
                        junitXml = Paths.get(value);
                        break;
                    case "--source-root":
                        sourceRoots.add(Paths.get(value));
                        break;
                    default:
                        throw new IllegalArgumentException("unknown check option '" + name + "'; known: --baseline, --write-baseline,"
                                + " --sarif, --junit-xml, --source-root");
                }
            } else if (arg.indexOf('=') > 0 && Thresholds.isKey(arg.substring(0, arg.indexOf('=')))) {
                thresholdArgs.add(arg);
            } else if (arg.indexOf('=') > 0 && !arg.contains("/") && !arg.contains("\\") && !arg.endsWith(".json")) {
                // Looks like key=value, not like a path: a misspelt threshold must not become a missing "file".
                Thresholds.parse(List.of(arg));
            } else {
                inputs.add(Paths.get(arg));
            }
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("usage: java -jar nplusone-agent.jar check [thresholds] [options] <report.json|directory>...");
        }
        Thresholds thresholds = Thresholds.parse(thresholdArgs);
        Baseline baseline = baselineFile == null ? Baseline.none() : Baseline.read(baselineFile);
        Reports reports = Reports.read(inputs);
        Gate.Verdict verdict = Gate.judge(reports, thresholds, baseline);

        print(reports, verdict, baselineFile != null, writeBaseline != null);
        if (sarif != null) {
            Sarif.write(sarif, verdict.breaches(), new SourceFiles(Paths.get(""), sourceRoots), version);
            out.println("nplusone check: SARIF written to " + sarif.toAbsolutePath());
        }
        if (junitXml != null) {
            JunitXml.write(junitXml, reports, verdict.breaches());
            out.println("nplusone check: JUnit XML written to " + junitXml.toAbsolutePath());
        }
        if (writeBaseline != null) {
            Baseline.write(writeBaseline, verdict.all());
            out.println("nplusone check: baseline of " + verdict.all().size() + " breach" + (verdict.all().size() == 1 ? "" : "es")
                    + " written to " + writeBaseline.toAbsolutePath() + "; check with --baseline=" + writeBaseline
                    + " to fail on new ones only");
            return CLEAN;
        }
        return verdict.passed() ? CLEAN : BREACHED;
    }

    private void print(Reports reports, Gate.Verdict verdict, boolean withBaseline, boolean recording) {
        long instances = 0;
        for (ScopeTotal s : reports.scopes()) {
            instances += s.instances();
        }
        out.println("nplusone check: " + count(reports.files().size(), "report") + ", " + count(reports.scopes().size(), "scope")
                + " (" + count(instances, "instance") + "), " + count(reports.findings().size(), "finding"));
        for (Breach b : verdict.breaches()) {
            out.println();
            out.println("BREACH " + b.headline());
            FindingTotal f = b.finding();
            if (f == null) {
                continue;
            }
            out.println("  statement:   " + f.shape());
            out.println("  repetitions: " + f.repetitions() + " in one scope instance; " + f.totalRepetitions() + " over "
                    + f.occurrences() + " instance" + (f.occurrences() == 1 ? "" : "s"));
            if (f.trigger() != null) {
                out.println("  after:       " + f.trigger());
            }
            if (f.association() != null) {
                out.println("  association: " + f.association());
            }
            if (f.hint() != null) {
                out.println("  fix:         " + f.hint());
            }
            List<String> stack = f.stack();
            for (int i = 0; i < Math.min(FRAMES_SHOWN, stack.size()); i++) {
                out.println("      at " + stack.get(i));
            }
            if (stack.size() > FRAMES_SHOWN) {
                out.println("      ... " + (stack.size() - FRAMES_SHOWN) + " more in the report");
            }
        }
        if (!verdict.breaches().isEmpty()) {
            out.println();
        }
        String known = withBaseline ? "; " + verdict.known().size() + " known from the baseline" : "";
        if (recording) {
            return; // the baseline line says what happened; recording is not a verdict
        }
        if (verdict.passed()) {
            out.println("nplusone check: PASSED, no breach" + known);
        } else {
            out.println("nplusone check: FAILED, " + verdict.breaches().size() + " breach" + (verdict.breaches().size() == 1 ? "" : "es")
                    + " (" + counts(verdict.breaches()) + ")" + known);
        }
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String counts(List<Breach> breaches) {
        int nPlusOne = 0;
        int duplicate = 0;
        int budget = 0;
        for (Breach b : breaches) {
            switch (b.type()) {
                case "n_plus_one":
                    nPlusOne++;
                    break;
                case "duplicate":
                    duplicate++;
                    break;
                default:
                    budget++;
            }
        }
        List<String> parts = new ArrayList<>();
        if (nPlusOne > 0) {
            parts.add(nPlusOne + " N+1");
        }
        if (duplicate > 0) {
            parts.add(duplicate + " duplicate");
        }
        if (budget > 0) {
            parts.add(budget + " max-queries");
        }
        return String.join(", ", parts);
    }
}
