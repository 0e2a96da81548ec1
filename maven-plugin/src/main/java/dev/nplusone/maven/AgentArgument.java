package dev.nplusone.maven;

import org.apache.maven.plugin.MojoExecutionException;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** The {@code -javaagent:} token that prepare-agent puts into the test JVMs' command line. */
final class AgentArgument {

    /** {@code %p} is the agent's: each forked JVM writes a report named after its process id. */
    static final String REPORT_NAME = "nplusone-%p.json";

    private AgentArgument() {
    }

    /**
     * {@code -javaagent:<jar>=report=<dir>/nplusone-%p.json[,<option>...]}, in double quotes when it
     * holds a space: Surefire and Failsafe split their argLine at spaces outside quotes.
     */
    static String of(File agentJar, File reportDirectory, List<String> options) throws MojoExecutionException {
        List<String> pairs = new ArrayList<>();
        pairs.add("report=" + pathWithoutComma(new File(reportDirectory, REPORT_NAME), "reportDirectory"));
        if (options != null) {
            for (String option : options) {
                pairs.add(checked(option));
            }
        }
        String token = "-javaagent:" + agentJar.getAbsolutePath() + "=" + String.join(",", pairs);
        if (token.indexOf('"') >= 0) {
            // The argLine parsers know no escape for a double quote inside a quoted token.
            throw new MojoExecutionException("cannot pass a path or option holding '\"' to the test JVM: " + token);
        }
        return token.contains(" ") ? '"' + token + '"' : token;
    }

    /** The property's value with the token added: an existing value stays in front. */
    static String appended(String existing, String token) {
        return existing == null || existing.isBlank() ? token : existing.trim() + " " + token;
    }

    private static String pathWithoutComma(File file, String parameter) throws MojoExecutionException {
        String path = file.getAbsolutePath();
        if (path.indexOf(',') >= 0) {
            throw new MojoExecutionException("the " + parameter + " " + path + " holds a comma, which separates agent options;"
                    + " choose a directory without one");
        }
        return path;
    }

    private static String checked(String option) throws MojoExecutionException {
        String trimmed = option == null ? "" : option.trim();
        int eq = trimmed.indexOf('=');
        if (eq <= 0) {
            throw new MojoExecutionException("agent option '" + trimmed + "' is not key=value (see docs/options.md)");
        }
        if (trimmed.indexOf(',') >= 0) {
            throw new MojoExecutionException("agent option '" + trimmed + "' holds a comma, which separates agent options;"
                    + " give one option per <option> element, and separate package prefixes with ';'");
        }
        if (trimmed.substring(0, eq).trim().equals("report")) {
            throw new MojoExecutionException("agent option 'report' is set by the plugin; use the reportDirectory parameter");
        }
        return trimmed;
    }
}
