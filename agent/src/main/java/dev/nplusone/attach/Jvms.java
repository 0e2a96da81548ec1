package dev.nplusone.attach;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import dev.nplusone.agent.Agent;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Running JVMs, through the JDK's attach mechanism: list them, load the agent into one, and send
 * the loaded agent a command (which is loading it again with a command as its argument).
 */
public final class Jvms {

    static final String FAILURE_PROPERTY = "nplusone-agent.failure";

    private final File agentJar;

    public Jvms(File agentJar) {
        this.agentJar = agentJar;
    }

    /** One JVM this user can attach to. */
    public static final class Jvm {
        public final String pid;
        public final String name;

        Jvm(String pid, String name) {
            this.pid = pid;
            this.name = name;
        }
    }

    public List<Jvm> list() {
        String self = Long.toString(ProcessHandle.current().pid());
        List<Jvm> jvms = new ArrayList<>();
        for (VirtualMachineDescriptor d : VirtualMachine.list()) {
            if (!d.id().equals(self)) {
                jvms.add(new Jvm(d.id(), d.displayName().isEmpty() ? "(unknown main class)" : d.displayName()));
            }
        }
        return jvms;
    }

    /** What the agent in that JVM says of itself: {@code recording <version>}, {@code detached ...}, or null. */
    public String state(String pid) throws AttachFailure {
        return withVm(pid, vm -> vm.getSystemProperties().getProperty(Agent.STATE_PROPERTY));
    }

    /** The watched JVM's Java feature version, and its command-line flags. */
    public Properties properties(String pid) throws AttachFailure {
        return withVm(pid, vm -> {
            Properties p = new Properties();
            p.putAll(vm.getSystemProperties());
            p.putAll(vm.getAgentProperties());
            return p;
        });
    }

    /**
     * Loads the agent with these arguments; an agent already there gets them as a command. The
     * agent reports a failure in a system property of its JVM (see {@code Launcher.agentmain}).
     */
    public void load(String pid, String arguments) throws AttachFailure {
        withVm(pid, vm -> {
            String before = vm.getSystemProperties().getProperty(FAILURE_PROPERTY);
            try {
                vm.loadAgent(agentJar.getAbsolutePath(), arguments);
            } catch (AgentInitializationException e) {
                throw new AttachFailure("the agent in process " + pid + " failed: see that process's standard error");
            } catch (AgentLoadException e) {
                throw new AttachFailure("process " + pid + " could not load the agent: " + e.getMessage());
            }
            String after = vm.getSystemProperties().getProperty(FAILURE_PROPERTY);
            if (after != null && !after.equals(before)) {
                throw new AttachFailure("process " + pid + ": " + after.substring(after.indexOf(' ') + 1));
            }
            return null;
        });
    }

    private interface VmCall<T> {
        T call(VirtualMachine vm) throws IOException, AttachFailure;
    }

    private static <T> T withVm(String pid, VmCall<T> call) throws AttachFailure {
        checkPid(pid);
        if (AttachFlags.disabled(Long.parseLong(pid))) {
            // Said before trying: an attempt would make the target print a thread dump and wait 10 s for nothing.
            throw new AttachFailure("cannot attach to process " + pid + ": it was started with -XX:+DisableAttachMechanism, which refuses"
                    + " agents while it runs; start it with -javaagent:nplusone-agent.jar instead (docs/attach.md)");
        }
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(pid);
        } catch (AttachNotSupportedException | IOException e) {
            if (AttachFlags.NOT_SUPPORTED.equals(e.getMessage())) {
                // What the JDK says of a JVM whose flag was not on its command line (a settings file, say).
                throw new AttachFailure("cannot attach to process " + pid + ": it was started with -XX:+DisableAttachMechanism,"
                        + " or without the attach mechanism; start it with -javaagent:nplusone-agent.jar instead (docs/attach.md)");
            }
            throw new AttachFailure("cannot attach to process " + pid + ": " + reason(e)
                    + " (a JVM of another user, a process that is not a JVM, or one started with -XX:+DisableAttachMechanism)");
        }
        try {
            return call.call(vm);
        } catch (IOException e) {
            throw new AttachFailure("lost the connection to process " + pid + ": " + reason(e));
        } finally {
            try {
                vm.detach();
            } catch (IOException ignored) {
                // the target may have exited
            }
        }
    }

    private static void checkPid(String pid) throws AttachFailure {
        long n;
        try {
            n = Long.parseLong(pid);
        } catch (NumberFormatException e) {
            throw new AttachFailure("'" + pid + "' is not a process id");
        }
        if (n == ProcessHandle.current().pid()) {
            throw new AttachFailure("process " + pid + " is this command itself");
        }
        if (ProcessHandle.of(n).isEmpty()) {
            throw new AttachFailure("no process with id " + pid);
        }
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
