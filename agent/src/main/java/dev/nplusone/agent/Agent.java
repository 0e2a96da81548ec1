package dev.nplusone.agent;

import dev.nplusone.bridge.Bridge;
import dev.nplusone.detect.Attributor;
import dev.nplusone.detect.CallSites;
import dev.nplusone.detect.FrameFilter;
import dev.nplusone.detect.ScopeStatements;
import dev.nplusone.failure.Failures;
import dev.nplusone.failure.Faults;
import dev.nplusone.gate.Breach;
import dev.nplusone.jdbc.ConnectionWrapper;
import dev.nplusone.jdbc.StatementListener;
import dev.nplusone.gate.Baseline;
import dev.nplusone.gate.Gate;
import dev.nplusone.gate.Reports;
import dev.nplusone.report.JsonReport;
import dev.nplusone.report.LogReport;
import dev.nplusone.report.Registry;
import dev.nplusone.report.ReportTarget;
import dev.nplusone.scope.Scopes;
import dev.nplusone.scope.StatementOrigins;
import dev.nplusone.scope.ThreadStates;
import dev.nplusone.shape.Shapes;
import net.bytebuddy.agent.builder.AgentBuilder.RedefinitionStrategy;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import org.slf4j.Logger;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The agent inside the JVM: wires statement interception, scopes, detection and reports, writes
 * the reports at exit, and answers the commands of {@code java -jar nplusone-agent.jar} (dump,
 * detach) that reach it through the attach mechanism. Started by {@code dev.nplusone.boot.Launcher}
 * in its own class loader.
 */
public final class Agent {

    static final int SHAPE_CACHE = 10_000;

    /** Agent arguments that start with this are commands from the command line, not options. */
    public static final String COMMAND = "@nplusone:";
    public static final String DUMP = "dump";
    public static final String DETACH = "detach";

    /**
     * A system property of the watched JVM saying whether the agent records, for the command line to
     * read through the attach mechanism. Not under {@code nplusone.}, which holds options.
     */
    public static final String STATE_PROPERTY = "nplusone-agent.state";

    private static Agent running;

    private final Options options;
    private final AgentLog log;
    private final Registry registry;
    private final LogReport report;
    private final StatementListener listener;
    private final ResettableClassFileTransformer transformer;
    private final Instrumentation inst;
    private final Thread exitHook;
    private ScheduledExecutorService reportWriter;
    /** The periodic write and the exit's never interleave: the exit's, the newest, is renamed into place last. */
    private final Object reportLock = new Object();

    private Agent(Options options, AgentLog log, Registry registry, LogReport report, StatementListener listener,
                  ResettableClassFileTransformer transformer, Instrumentation inst) {
        this.options = options;
        this.log = log;
        this.registry = registry;
        this.report = report;
        this.listener = listener;
        this.transformer = transformer;
        this.inst = inst;
        this.exitHook = new Thread(this::exit, "nplusone-exit");
    }

    /**
     * Starts the agent, or runs a command given by the command line.
     *
     * @throws IllegalArgumentException for bad options, with a message for the user
     * @throws IllegalStateException    for a command the agent cannot carry out
     */
    public static synchronized void start(String arguments, Instrumentation inst, boolean attached) {
        if (arguments != null && arguments.startsWith(COMMAND)) {
            command(arguments.substring(COMMAND.length()));
            return;
        }
        if (running != null) {
            running.info("nplusone is already attached to this JVM; detach first to attach with other options");
            return;
        }
        Options options = Options.parse(arguments, System.getProperties());
        String unwritable = options.report() == null ? null : ReportTarget.problem(options.report());
        if (unwritable != null && attached) {
            throw new IllegalArgumentException(unwritable); // the command line says it, and exits 2
        }
        AgentLog log = AgentLog.configure(options);
        if (unwritable != null) {
            log.logger(AgentLog.AGENT).error("{}; the agent goes on and tries again at exit", unwritable);
        }
        if (!Faults.armed().isEmpty()) {
            log.logger(AgentLog.AGENT).warn("test-only failures forced at {} (-D{})", Faults.armed(), Faults.PROPERTY);
        }
        Registry registry = new Registry();
        LogReport report = new LogReport(log.logger(AgentLog.FINDINGS), log.logger(AgentLog.SUMMARY), log.logger(AgentLog.STATEMENTS));
        ClassLoader agentLoader = Agent.class.getClassLoader();

        ThreadStates threads = new ThreadStates();
        CallSites callSites = new CallSites(new FrameFilter(options.packages(), agentLoader, Plugins.generatedMethodPrefixes()),
                Plugins::isOrmClass);
        Attributor attributor = new StatementOrigins(threads, Plugins.ORMS);
        int threshold = options.threshold();
        long scopeMemory = options.scopeMemory();
        Scopes scopes = new Scopes(threads, new Shapes(SHAPE_CACHE), () -> new ScopeStatements(callSites, threshold, attributor, scopeMemory),
                new ReportSink(registry, report, scopeMemory));
        StatementListener listener = new StatementListener(scopes, options.params());
        Bridge.install(new AgentHooks(new ConnectionWrapper(listener), scopes));

        letJdkModulesReachBridge(inst);
        ResettableClassFileTransformer transformer = Instrumenter.install(inst, agentLoader, Plugins.hooks());

        Agent agent = new Agent(options, log, registry, report, listener, transformer, inst);
        Runtime.getRuntime().addShutdownHook(agent.exitHook);
        agent.writeReportEvery(options.reportEverySeconds());
        running = agent;
        System.setProperty(STATE_PROPERTY, "recording " + version());
        agent.info("nplusone {} {}: threshold {}, report {}, parameters {}", version(), attached ? "attached" : "started",
                options.threshold(), options.report() == null ? "off" : options.report().toAbsolutePath(),
                options.params() ? "shown" : "hidden");
    }

    private static void command(String command) {
        if (running == null) {
            throw new IllegalStateException("nplusone is not attached to this JVM");
        }
        if (command.startsWith(DUMP + " ")) {
            Path target = Paths.get(command.substring(DUMP.length() + 1));
            running.info("nplusone: writing the report to {} on request", target);
            try {
                JsonReport.write(running.registry, running.options.threshold(), target);
            } catch (IOException e) {
                throw new IllegalStateException(ReportTarget.cannotWrite(target, e));
            }
        } else if (command.equals(DETACH)) {
            running.detach();
        } else {
            throw new IllegalStateException("unknown command '" + command + "'");
        }
    }

    /**
     * With {@code report-every}, a daemon thread writes the report that often, each time whole (see
     * {@link JsonReport}): a JVM killed without its shutdown hooks (SIGKILL, the kernel's OOM killer)
     * leaves the last one. Failures are the agent's own: counted, logged once, and the next write tries again.
     */
    private void writeReportEvery(long seconds) {
        if (seconds <= 0 || options.report() == null) {
            return;
        }
        reportWriter = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "nplusone-report");
            t.setDaemon(true);
            return t;
        });
        reportWriter.scheduleWithFixedDelay(() -> {
            try {
                synchronized (reportLock) {
                    JsonReport.write(registry, options.threshold(), options.report());
                }
            } catch (IOException e) {
                Failures.once("periodic-report", ReportTarget.cannotWrite(options.report(), e) + " (said once; tried again every "
                        + seconds + " s)");
            } catch (Throwable failure) {
                Failures.caught("writing the report periodically", failure);
            }
        }, seconds, seconds, TimeUnit.SECONDS);
    }

    /**
     * Stops recording and takes the instrumentation out; the application goes on as it was.
     * Connections wrapped before stay wrapped (they belong to the application) but record nothing.
     */
    private void detach() {
        Bridge.uninstall();
        listener.stop();
        transformer.reset(inst, RedefinitionStrategy.RETRANSFORMATION);
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException exiting) {
            return; // the JVM is exiting: the hook writes the reports
        }
        running = null;
        System.setProperty(STATE_PROPERTY, "detached " + version());
        info("nplusone detached: instrumentation removed");
        exit();
    }

    /**
     * Advice inlined into the JDK's own HTTP server calls the bridge; a named JDK module must be
     * told it may read the bootstrap loader's unnamed module, where the bridge lives.
     */
    private static void letJdkModulesReachBridge(Instrumentation inst) {
        Module bridge = Bridge.class.getModule();
        ModuleLayer.boot().findModule("jdk.httpserver").ifPresent(module -> {
            if (!module.canRead(bridge)) {
                inst.redefineModule(module, Set.of(bridge), Map.of(), Map.of(), Set.of(), Map.of());
            }
        });
    }

    /** At JVM exit, or at detach: the JSON report if asked for, the summary, then the log closes. */
    private void exit() {
        if (reportWriter != null) {
            reportWriter.shutdown(); // a write under way finishes; none starts
        }
        try {
            if (options.report() != null) {
                try {
                    synchronized (reportLock) {
                        JsonReport.write(registry, options.threshold(), options.report());
                    }
                } catch (IOException e) {
                    log.logger(AgentLog.AGENT).error(ReportTarget.cannotWrite(options.report(), e));
                } catch (RuntimeException e) {
                    Failures.caught("writing the JSON report", e);
                }
            }
            report.summary(registry, Failures.count());
            if (options.thresholdsGiven()) {
                logVerdict(Gate.judge(Reports.of(registry), options.thresholds(), Baseline.none()));
            }
        } catch (Throwable failure) {
            Failures.caught("writing the exit reports", failure);
        } finally {
            log.stop();
        }
    }

    /** The thresholds given as agent options, judged at exit: one line per breach, as a warning. */
    private void logVerdict(Gate.Verdict verdict) {
        Logger summary = log.logger(AgentLog.SUMMARY);
        if (verdict.passed()) {
            summary.info("thresholds: passed");
            return;
        }
        StringBuilder sb = new StringBuilder("thresholds: ").append(verdict.breaches().size())
                .append(verdict.breaches().size() == 1 ? " breach" : " breaches");
        for (Breach b : verdict.breaches()) {
            sb.append(System.lineSeparator()).append("    ").append(b.headline());
            if (b.finding() != null) {
                sb.append(System.lineSeparator()).append("      ").append(b.finding().shape());
            }
        }
        summary.warn(sb.toString());
    }

    private void info(String message, Object... arguments) {
        Logger logger = log.logger(AgentLog.AGENT);
        logger.info(message, arguments);
    }

    static String version() {
        String v = Agent.class.getPackage().getImplementationVersion();
        return v == null ? "(dev)" : v;
    }
}
