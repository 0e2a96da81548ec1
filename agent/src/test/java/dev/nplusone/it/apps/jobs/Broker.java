package dev.nplusone.it.apps.jobs;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnector;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * ActiveMQ Artemis embedded in the application's JVM: in-VM connections only, nothing persisted,
 * no security. It speaks its own core protocol, so javax and jakarta JMS clients both use it.
 */
public final class Broker implements AutoCloseable {

    public static final String URL = "vm://0";

    private final EmbeddedActiveMQ server;

    private Broker(EmbeddedActiveMQ server) {
        this.server = server;
    }

    public static Broker start() throws Exception {
        ConfigurationImpl config = new ConfigurationImpl();
        config.setPersistenceEnabled(false);
        config.setSecurityEnabled(false);
        config.setJMXManagementEnabled(false);
        config.addAcceptorConfiguration("in-vm", URL);
        return new Broker(new EmbeddedActiveMQ().setConfiguration(config).start());
    }

    @Override
    public void close() throws Exception {
        server.stop();
        // the in-VM connections' threads are not daemons, and would keep the JVM a minute after main
        InVMConnector.resetThreadPool();
    }
}
