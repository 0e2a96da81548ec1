package dev.nplusone.it.apps;

import com.sun.tools.attach.VirtualMachine;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Loads and uses the H2 driver first, then attaches the agent to its own JVM (which needs
 * {@code -Djdk.attach.allowAttachSelf=true}), then runs {@link Workload} on a new connection: the
 * agent must retransform the driver class that was loaded before it.
 *
 * <p>Arguments: the agent jar, the agent's options.
 */
public final class AttachApp {

    public static void main(String[] args) throws Exception {
        String url = "jdbc:h2:mem:attach;DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url)) {
            Workload.setUp(c); // before the agent: not seen
        }

        VirtualMachine self = VirtualMachine.attach(Long.toString(ProcessHandle.current().pid()));
        try {
            self.loadAgent(args[0], args[1]);
        } finally {
            self.detach();
        }

        try (ManualScope scope = ManualScope.open(JdbcApp.SCOPE); Connection c = DriverManager.getConnection(url)) {
            Workload.run(c); // runs the workload after the attach
        }
        System.out.println("done");
    }
}
