package org.springframework.samples.library.web;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Prints where the server listens, on one line of standard output: the port is chosen by the
 * system (server.port=0), and whoever started the application (a script, the integration tests)
 * needs to know it.
 */
@Component
class ListeningAddress implements ApplicationListener<WebServerInitializedEvent> {

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        System.out.println("library: listening on http://127.0.0.1:" + event.getWebServer().getPort());
    }
}
