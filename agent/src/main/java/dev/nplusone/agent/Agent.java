package dev.nplusone.agent;

import dev.nplusone.bridge.Bridge;
import dev.nplusone.detect.CallSites;
import dev.nplusone.detect.FrameFilter;
import dev.nplusone.jdbc.ConnectionWrapper;
import dev.nplusone.jdbc.StatementListener;
import dev.nplusone.report.JsonReport;
import dev.nplusone.report.LogReport;
import dev.nplusone.report.Registry;
import dev.nplusone.scope.Scopes;
import dev.nplusone.shape.Shapes;
import org.slf4j.Logger;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;

/**
 * The agent inside the JVM: wires statement interception, scopes, detection and reports, and
 * writes the reports at exit. Started by {@code dev.nplusone.boot.Launcher} in its own class loader.
 */
public final class Agent {

    static final int SHAPE_CACHE = 10_000;

    private static Agent running;

    private final Options options;
    private final AgentLog log;
    private final Registry registry;
    private final LogReport report;

    private Agent(Options options, AgentLog log, Registry registry, LogReport report) {
        this.options = options;
        this.log = log;
        this.registry = registry;
        this.report = report;
    }

    /**
     * @throws IllegalArgumentException for bad options, with a message for the user
     */
    public static synchronized void start(String arguments, Instrumentation inst, boolean attached, File jar) {
        if (running != null) {
            running.log.logger(AgentLog.AGENT).info("nplusone is already attached to this JVM; options given now are ignored");
            return;
        }
        Options options = Options.parse(arguments, System.getProperties());
        AgentLog log = AgentLog.configure(options);
        Registry registry = new Registry();
        LogReport report = new LogReport(log.logger(AgentLog.FINDINGS), log.logger(AgentLog.SUMMARY), log.logger(AgentLog.STATEMENTS));
        ClassLoader agentLoader = Agent.class.getClassLoader();

        Scopes scopes = new Scopes(new Shapes(SHAPE_CACHE), new CallSites(new FrameFilter(options.packages(), agentLoader)),
                registry, report, options.threshold());
        StatementListener listener = new StatementListener(scopes, registry, options.params());
        Bridge.install(new AgentHooks(new ConnectionWrapper(listener), scopes));

        letJdkModulesReachBridge(inst);
        Instrumenter.install(inst, agentLoader);

        Agent agent = new Agent(options, log, registry, report);
        Runtime.getRuntime().addShutdownHook(new Thread(agent::exit, "nplusone-exit"));
        running = agent;
        Logger info = log.logger(AgentLog.AGENT);
        info.info("nplusone {} {}: threshold {}, report {}, parameters {}", version(), attached ? "attached" : "started",
                options.threshold(), options.report() == null ? "off" : options.report().toAbsolutePath(),
                options.params() ? "shown" : "hidden");
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

    private void exit() {
        try {
            if (options.report() != null) {
                try {
                    JsonReport.write(registry, options.threshold(), options.report());
                } catch (Exception e) {
                    log.logger(AgentLog.AGENT).error("nplusone: cannot write the report to {}: {}", options.report().toAbsolutePath(), e.toString());
                }
            }
            report.summary(registry, Failures.count());
        } catch (Throwable failure) {
            Failures.caught("writing the exit reports", failure);
        } finally {
            log.stop();
        }
    }

    static String version() {
        String v = Agent.class.getPackage().getImplementationVersion();
        return v == null ? "(dev)" : v;
    }
}
