package dev.nplusone.demo;

import dev.nplusone.demo.tour.Tour;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A small event-planning REST API that shows the classic nested-serializer N+1 and its fix: each
 * endpoint is served twice, naively under /naive and with eager loading under /eager, with the
 * same JSON. The index page at / lists them.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DemoApplication {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(DemoApplication.class, args);
        if (Tour.exitsWhenStarted(context.getEnvironment())) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
