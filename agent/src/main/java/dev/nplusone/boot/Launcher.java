package dev.nplusone.boot;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;

/**
 * The agent jar's entry points: {@code -javaagent} ({@link #premain}), attach ({@link #agentmain})
 * and the command line ({@link #main}).
 *
 * <p>This class is loaded by the system class loader and uses JDK classes only. It appends the
 * agent jar to the bootstrap search path (for {@code dev.nplusone.bridge}), then hands over to the
 * real agent inside an {@link AgentClassLoader}. One class loader serves the JVM's lifetime, so a
 * second attach talks to the agent that is already there.
 */
public final class Launcher {

    private static final String AGENT = "dev.nplusone.agent.Agent";
    private static final String CLI = "dev.nplusone.cli.Cli";
    private static final String INJECTOR = "dev.nplusone.agent.BridgeInjector";
    /** Agent arguments of the command line's dump and detach (see dev.nplusone.agent.Agent). */
    private static final String COMMAND = "@nplusone:";
    /** Where agentmain leaves its last failure for the command line (see dev.nplusone.attach.Jvms). */
    private static final String FAILURE_PROPERTY = "nplusone-agent.failure";

    private static ClassLoader agentLoader;

    private Launcher() {
    }

    public static void premain(String arguments, Instrumentation inst) {
        try {
            start(arguments, inst, false);
        } catch (Throwable failure) {
            // A broken agent must not stop the application: say why once and let it run.
            System.err.println("nplusone: agent not started: " + describe(failure));
        }
    }

    public static void agentmain(String arguments, Instrumentation inst) {
        try {
            start(arguments, inst, true);
        } catch (Throwable failure) {
            boolean command = arguments != null && arguments.startsWith(COMMAND);
            String message = (command ? "" : "agent not started: ") + describe(failure);
            System.err.println("nplusone: " + message);
            // Throwing would print the JVM's own alarming stack traces in the application; the
            // command line reads this property back instead. The time makes each failure distinct.
            System.setProperty(FAILURE_PROPERTY, System.nanoTime() + " " + message);
        }
    }

    public static void main(String[] args) {
        int status;
        try {
            Object result = loader().loadClass(CLI).getMethod("run", String[].class).invoke(null, (Object) args);
            status = (Integer) result;
        } catch (Throwable failure) {
            System.err.println("nplusone: " + describe(failure));
            status = 2;
        }
        System.exit(status);
    }

    private static synchronized void start(String arguments, Instrumentation inst, boolean attached) throws Throwable {
        File jar = agentJar();
        try {
            // First the bridge, before any agent class that names it is loaded.
            loader().loadClass(INJECTOR).getMethod("inject", Instrumentation.class, File.class).invoke(null, inst, jar);
            loader().loadClass(AGENT)
                    .getMethod("start", String.class, Instrumentation.class, boolean.class)
                    .invoke(null, arguments, inst, attached);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static synchronized ClassLoader loader() throws Exception {
        if (agentLoader == null) {
            agentLoader = new AgentClassLoader(agentJar());
        }
        return agentLoader;
    }

    private static File agentJar() throws URISyntaxException {
        return new File(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof InvocationTargetException && failure.getCause() != null ? failure.getCause() : failure;
        if ((cause instanceof IllegalArgumentException || cause instanceof IllegalStateException) && cause.getMessage() != null) {
            return cause.getMessage(); // already written for the user
        }
        return cause.toString();
    }
}
