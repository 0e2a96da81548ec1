package dev.nplusone.agent;

import dev.nplusone.failure.Failures;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.slf4j.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.TimeZone;

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

        LineLayout layout = new LineLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
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

    /**
     * Lays out one line as the pattern {@code %d{HH:mm:ss.SSS} %-5level [%logger] %msg%n} would,
     * with the stack trace of an exception after it. Written out because logback's
     * {@code PatternLayout} makes some 70 lambdas and loads its pattern parser and converters when
     * first used: about a sixth of the classes the agent loaded at every start. The time of day is
     * reckoned here too: {@code java.time}'s formatter loads dozens of classes more.
     */
    static final class LineLayout extends LayoutBase<ILoggingEvent> {

        private final TimeZone zone = TimeZone.getDefault();

        @Override
        public String doLayout(ILoggingEvent event) {
            StringBuilder line = new StringBuilder(128);
            long millis = event.getTimeStamp();
            long ofDay = Math.floorMod(millis + zone.getOffset(millis), 86_400_000L);
            twoDigits(line, ofDay / 3_600_000).append(':');
            twoDigits(line, ofDay / 60_000 % 60).append(':');
            twoDigits(line, ofDay / 1000 % 60).append('.');
            long ms = ofDay % 1000;
            line.append(ms < 100 ? "0" : "").append(ms < 10 ? "0" : "").append(ms).append(' ');
            String level = event.getLevel().toString();
            line.append(level);
            for (int pad = level.length(); pad < 5; pad++) {
                line.append(' ');
            }
            line.append(" [").append(event.getLoggerName()).append("] ").append(event.getFormattedMessage())
                    .append(CoreConstants.LINE_SEPARATOR);
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                line.append(ThrowableProxyUtil.asString(thrown)).append(CoreConstants.LINE_SEPARATOR);
            }
            return line.toString();
        }

        private static StringBuilder twoDigits(StringBuilder line, long value) {
            return line.append(value < 10 ? "0" : "").append(value);
        }
    }
}
