package dev.nplusone.agent;

import dev.nplusone.failure.Failures;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import org.slf4j.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The agent's logging: a logback {@link LoggerContext} of its own, configured here in code.
 *
 * <p>It is never found through slf4j's {@code LoggerFactory} and never reads a {@code logback.xml},
 * so the application's logging configuration neither sees nor changes it. Logger names are under
 * {@code nplusone}.
 */
public final class AgentLog {

    public static final String FINDINGS = "nplusone.findings";
    public static final String SUMMARY = "nplusone.summary";
    public static final String STATEMENTS = "nplusone.statements";
    public static final String AGENT = "nplusone.agent";

    private final LoggerContext context;

    private AgentLog(LoggerContext context) {
        this.context = context;
    }

    public static AgentLog configure(Options options) {
        LoggerContext context = new LoggerContext();
        context.setName("nplusone");
        context.setMDCAdapter(new LogbackMDCAdapter()); // LoggerFactory would set it; we bypass LoggerFactory

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level [%logger] %msg%n");
        encoder.start();

        OutputStreamAppender<ILoggingEvent> appender;
        if (options.logFile() != null) {
            if (options.params()) {
                ownerOnly(options.logFile());
            }
            FileAppender<ILoggingEvent> file = new FileAppender<>();
            file.setFile(options.logFile().toString());
            file.setAppend(true);
            appender = file;
        } else {
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setTarget("System.err");
            appender = console;
        }
        appender.setContext(context);
        appender.setName("nplusone");
        appender.setEncoder(encoder);
        appender.start();

        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        root.setLevel(Level.INFO);
        switch (options.log()) {
            case OFF:
                root.setLevel(Level.OFF);
                break;
            case SUMMARY:
                context.getLogger(FINDINGS).setLevel(Level.OFF);
                break;
            case STATEMENTS:
                context.getLogger(STATEMENTS).setLevel(Level.DEBUG);
                break;
            default:
                break;
        }
        context.start();
        AgentLog log = new AgentLog(context);
        Failures.logTo(log.logger(AGENT));
        return log;
    }

    /**
     * With {@code params=true} the log holds parameter values: like the JSON report then, it is its
     * owner's only. Made before logback opens it (logback would create it as the umask says).
     */
    private static void ownerOnly(Path file) {
        Set<PosixFilePermission> mine = PosixFilePermissions.fromString("rw-------");
        try {
            if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                return;
            }
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            if (Files.notExists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(mine));
            } else {
                Files.setPosixFilePermissions(file, mine);
            }
        } catch (IOException | RuntimeException e) {
            Failures.once("log-file-permissions", "cannot make the log file " + file + " readable by its owner only: " + e);
        }
    }

    public Logger logger(String name) {
        return context.getLogger(name);
    }

    /** Flushes and closes the appenders; called last at JVM exit. */
    public void stop() {
        context.stop();
    }
}
