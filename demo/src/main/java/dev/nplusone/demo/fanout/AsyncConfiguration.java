package dev.nplusone.demo.fanout;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/** {@code @Async} methods run on Spring Boot's application task executor (8 threads by default). */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfiguration {
}
