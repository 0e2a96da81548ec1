package dev.nplusone.html;

import dev.nplusone.gate.SourceFiles;
import dev.nplusone.gate.UnreadableReport;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** {@code html <report.json|dir>... -o report.html [--sources DIR]...}: the HTML report of JSON reports. */
public final class HtmlCommand {

    static final String USAGE = "usage: java -jar nplusone-agent.jar html <report.json|directory>... -o report.html [--sources DIR]...";

    private final PrintStream out;
    private final String version;

    public HtmlCommand(PrintStream out, String version) {
        this.out = out;
        this.version = version;
    }

    /** Runs the command; IllegalArgumentException and UnreadableReport are the caller's to print. */
    public int run(List<String> args) throws IOException, UnreadableReport {
        List<Path> inputs = new ArrayList<>();
        List<Path> sourceRoots = new ArrayList<>();
        Path output = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.startsWith("--") && arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inline = name.equals(arg) ? null : arg.substring(name.length() + 1);
            switch (name) {
                case "-o":
                case "--output":
                    output = Paths.get(inline != null ? inline : value(name, args, ++i));
                    break;
                case "--sources":
                    sourceRoots.add(Paths.get(inline != null ? inline : value(name, args, ++i)));
                    break;
                default:
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("unknown html option '" + name + "'; known: -o FILE, --sources DIR");
                    }
                    inputs.add(Paths.get(arg));
            }
        }
        if (inputs.isEmpty() || output == null) {
            throw new IllegalArgumentException(USAGE);
        }
        if (output.getFileName().toString().endsWith(".json")) {
            throw new IllegalArgumentException("-o " + output + ": the page is HTML; name it *.html (a *.json file would be read as a report)");
        }
        SourceFiles sources = sourceRoots.isEmpty() ? null : new SourceFiles(Paths.get(""), sourceRoots);
        HtmlReport.Written written = HtmlReport.write(output, inputs, sources, version);
        out.println("nplusone html: " + written.reports + " report" + (written.reports == 1 ? "" : "s") + ", " + written.findings
                + " finding" + (written.findings == 1 ? "" : "s") + "; written to " + output.toAbsolutePath());
        return 0;
    }

    private static String value(String name, List<String> args, int next) {
        if (next >= args.size() || args.get(next).startsWith("-")) {
            throw new IllegalArgumentException("option " + name + " needs a value: " + name + (name.equals("-o") ? " FILE" : " DIR"));
        }
        return args.get(next);
    }
}
