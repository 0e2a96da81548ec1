package dev.nplusone.gate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
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
    /** How many findings that do not fail are listed, one line each; the reports keep them all. */
    static final int ALLOWED_SHOWN = 20;
    /** How much of a statement a one-line message shows. */
    private static final int SHAPE_SHOWN = 80;

    private final PrintStream out;
    private final String version;
    private final HtmlWriter html;

    public Check(PrintStream out, String version) {
        this(out, version, null);
    }

    /** @param html writes {@code --html FILE}; null when this check cannot */
    public Check(PrintStream out, String version, HtmlWriter html) {
        this.out = out;
        this.version = version;
        this.html = html;
    }

    /** The HTML report's writer: the command line hands it over, so that the gate knows nothing of pages. */
    public interface HtmlWriter {
        /** Writes the page of the reports that the inputs name, with lines of source from {@code sources}. */
        void write(Path file, List<Path> inputs, SourceFiles sources) throws IOException, UnreadableReport;
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
        Path htmlFile = null;
        OptionNames names = OptionNames.CLI;
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
                    case "--html":
                        if (html == null) {
                            throw new IllegalArgumentException("option --html is not available here");
                        }
                        htmlFile = Paths.get(value);
                        break;
                    case "--source-root":
                        sourceRoots.add(Paths.get(value));
                        break;
                    case "--option-names":
                        names = OptionNames.of(value);
                        break;
                    default:
                        throw new IllegalArgumentException("unknown check option '" + name + "'; known: --baseline, --write-baseline,"
                                + " --sarif, --junit-xml, --html, --source-root, --option-names");
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
        if (baselineFile != null && !Files.exists(baselineFile)) {
            throw new UnreadableReport(baselineFile, "no such baseline file; record one first with " + names.writeBaseline(baselineFile));
        }
        Baseline baseline = baselineFile == null ? Baseline.none() : Baseline.read(baselineFile);
        Reports reports = Reports.read(inputs);
        Gate.Verdict verdict = Gate.judge(reports, thresholds, baseline);

        print(reports, verdict);
        printAllowed(verdict.allowed());
        printBaselineMatches(verdict.baseline(), baselineFile, writeBaseline, names);
        if (writeBaseline == null) {
            printVerdict(verdict, baselineFile != null);
        }
        if (sarif != null) {
            Sarif.write(sarif, verdict.breaches(), new SourceFiles(Paths.get(""), sourceRoots), version);
            out.println("nplusone check: SARIF written to " + sarif.toAbsolutePath());
        }
        if (junitXml != null) {
            JunitXml.write(junitXml, reports, verdict.breaches());
            out.println("nplusone check: JUnit XML written to " + junitXml.toAbsolutePath());
        }
        if (htmlFile != null) {
            html.write(htmlFile, inputs, new SourceFiles(Paths.get(""), sourceRoots));
            out.println("nplusone check: HTML written to " + htmlFile.toAbsolutePath());
        }
        if (writeBaseline != null) {
            int entries = Baseline.write(writeBaseline, verdict.all());
            out.println("nplusone check: baseline of " + count(entries, "breach") + " written to "
                    + writeBaseline.toAbsolutePath() + "; check with " + names.baseline(writeBaseline) + " to fail on new ones only");
            return CLEAN;
        }
        return verdict.passed() ? CLEAN : BREACHED;
    }

    private void print(Reports reports, Gate.Verdict verdict) {
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
                    + count(f.occurrences(), "instance"));
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
    }

    /**
     * What passes today but is there: one line each, so that a team sees what a stricter gate would
     * fail before it turns it on. The reports have each finding in full.
     */
    private void printAllowed(List<Gate.Allowed> allowed) {
        if (allowed.isEmpty()) {
            return;
        }
        out.println("nplusone check: " + allowed.size() + " that do" + (allowed.size() == 1 ? "es" : "") + " not fail the build"
                + " (the reports have each in full):");
        for (int i = 0; i < Math.min(ALLOWED_SHOWN, allowed.size()); i++) {
            Gate.Allowed a = allowed.get(i);
            out.println("  " + a.headline + " (" + a.because + ")");
        }
        if (allowed.size() > ALLOWED_SHOWN) {
            out.println("  ... and " + (allowed.size() - ALLOWED_SHOWN) + " more");
        }
    }

    /** One line per baseline entry matched by its statement alone, or ignored: the user should know why a finding is known or not. */
    private void printBaselineMatches(Baseline.Matches matches, Path baselineFile, Path writeBaseline, OptionNames names) {
        for (Baseline.Upgrade u : matches.upgraded()) {
            FindingTotal now = u.now.get(0);
            String more = u.now.size() > 1 ? " (and " + count(u.now.size() - 1, "more place") + ")" : "";
            String then = writeBaseline != null ? "the baseline written now records the new location"
                    : "record the new location with " + names.writeBaseline(baselineFile);
            out.println("nplusone check: baseline entry upgraded: " + entry(u.entry) + ", recorded at " + u.entry.method()
                    + (u.entry.notApplicationCode() ? " (not application code)" : " (a frame this run no longer reports)")
                    + ", is now at " + now.location() + more + "; " + then);
        }
        for (Baseline.Ignored i : matches.ignored()) {
            String why = i.elsewhere == null
                    ? "no " + Breach.what(i.entry.type()) + " of that statement in that scope in this run"
                    : "this run has it at " + i.elsewhere.location() + ", which the reports do not mark as application code";
            out.println("nplusone check: baseline entry ignored: " + entry(i.entry) + ", recorded at " + i.entry.method()
                    + (i.entry.notApplicationCode() ? " (not application code)" : "") + ": " + why);
        }
    }

    private static String entry(Baseline.Entry e) {
        String shape = e.shape.length() > SHAPE_SHOWN ? e.shape.substring(0, SHAPE_SHOWN - 3) + "..." : e.shape;
        return Breach.what(e.type()) + " in " + e.scope() + " (" + shape + ")";
    }

    private void printVerdict(Gate.Verdict verdict, boolean withBaseline) {
        String known = withBaseline ? "; " + verdict.known().size() + " known from the baseline" : "";
        if (verdict.passed()) {
            out.println("nplusone check: PASSED, no breach" + known);
        } else {
            out.println("nplusone check: FAILED, " + count(verdict.breaches().size(), "breach") + " (" + counts(verdict.breaches()) + ")"
                    + known);
        }
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : noun.endsWith("ch") ? "es" : "s");
    }

    /** {@code 2 N+1, 1 duplicate, 3 batchable writes, 1 max-queries}: each type, in the order of the breaches. */
    private static String counts(List<Breach> breaches) {
        java.util.Map<String, Integer> byType = new java.util.LinkedHashMap<>();
        for (Breach b : breaches) {
            byType.merge(Breach.what(b.type()), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        byType.forEach((what, n) -> parts.add(n + " " + (n == 1 && what.equals("batchable writes") ? "batchable write" : what)));
        return String.join(", ", parts);
    }
}
