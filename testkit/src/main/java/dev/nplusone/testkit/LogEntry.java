package dev.nplusone.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One entry of the agent's log: a line in its pattern {@code HH:mm:ss.SSS LEVEL [logger] message},
 * and the indented lines that continue it (a finding's {@code shape:}, {@code location:} ...).
 * Lines of the application's own logging, in other formats, are no part of any entry.
 */
public record LogEntry(String level, String logger, String message, List<String> more) {

    public static final Pattern AGENT_LINE = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (TRACE|DEBUG|INFO |WARN |ERROR) \\[([\\w.]+)\\] (.*)$");
    private static final Pattern FIELD = Pattern.compile("^    (\\w+):\\s+(.*)$");
    /** Finding blocks indent by four spaces, the exit summary by two. */
    private static final String CONTINUATION = "  ";

    public static List<LogEntry> parse(List<String> lines) {
        List<LogEntry> entries = new ArrayList<>();
        List<String> more = null;
        for (String line : lines) {
            Matcher m = AGENT_LINE.matcher(line);
            if (m.matches()) {
                more = new ArrayList<>();
                entries.add(new LogEntry(m.group(1).trim(), m.group(2), m.group(3), more));
            } else if (more != null && line.startsWith(CONTINUATION)) {
                more.add(line);
            } else {
                more = null; // someone else's line ends the entry
            }
        }
        return entries;
    }

    /** The one entry of that logger whose message starts so; fails when there is none or more than one. */
    public static LogEntry only(List<LogEntry> log, String logger, String messageStart) {
        List<LogEntry> matches = new ArrayList<>();
        for (LogEntry e : log) {
            if (e.logger().equals(logger) && e.message().startsWith(messageStart)) {
                matches.add(e);
            }
        }
        assertEquals(1, matches.size(), () -> "log entries of " + logger + " starting '" + messageStart + "': " + matches
                + "\nwhole log: " + log);
        return matches.get(0);
    }

    /** The value of a labelled line of a finding block, e.g. {@code field("shape")}; null when absent. */
    public String field(String label) {
        for (String line : more) {
            Matcher m = FIELD.matcher(line);
            if (m.matches() && m.group(1).equals(label)) {
                return m.group(2);
            }
        }
        return null;
    }

    /** The frames of a finding block's {@code stack:} line and the unlabelled lines after it. */
    public List<String> stack() {
        List<String> frames = new ArrayList<>();
        boolean inStack = false;
        for (String line : more) {
            Matcher m = FIELD.matcher(line);
            if (m.matches()) {
                inStack = m.group(1).equals("stack");
                if (inStack) {
                    frames.add(m.group(2));
                }
            } else if (inStack) {
                frames.add(line.trim());
            }
        }
        return frames;
    }

    @Override
    public String toString() {
        return level + " [" + logger + "] " + message + (more.isEmpty() ? "" : "\n" + String.join("\n", more));
    }
}
