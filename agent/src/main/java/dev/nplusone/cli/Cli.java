package dev.nplusone.cli;

import dev.nplusone.agent.Options;

import java.io.PrintStream;
import java.util.Map;

/** {@code java -jar nplusone-agent.jar <command>}: the agent's command line. */
public final class Cli {

    private Cli() {
    }

    /** Returns the process exit status: 0 done, 1 a check failed, 2 bad input. */
    public static int run(String[] args) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            usage(System.out);
            return 0;
        }
        System.err.println("nplusone: unknown command '" + args[0] + "'; run 'java -jar nplusone-agent.jar help'");
        return 2;
    }

    static void usage(PrintStream out) {
        out.println("nplusone: finds N+1 queries in running JVM applications");
        out.println();
        out.println("Attach at start:");
        out.println("  java -javaagent:nplusone-agent.jar[=key=value,...] -jar app.jar");
        out.println();
        out.println("Options (also as -Dnplusone.key=value):");
        for (Map.Entry<String, String> key : Options.keys().entrySet()) {
            out.printf("  %-10s %s%n", key.getKey(), key.getValue());
        }
        out.println();
        out.println("Commands:");
        out.println("  help       this text");
    }
}
