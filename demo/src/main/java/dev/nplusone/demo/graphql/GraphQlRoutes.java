package dev.nplusone.demo.graphql;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves the one GraphQL schema at two paths, {@code POST /naive/graphql} and {@code POST
 * /eager/graphql}, as the other endpoints are served under /naive and /eager; Spring Boot's own
 * {@code /graphql} serves the eager version. The path goes into the GraphQL context as
 * {@value #VERSION}, which the query's root field reads.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlRoutes {

    static final String VERSION = "demo.version";
    static final String NAIVE = "naive";
    static final String EAGER = "eager";

    @Bean
    RouterFunction<ServerResponse> versionedGraphQlRoutes(GraphQlHttpHandler handler) {
        return RouterFunctions.route()
                .POST("/naive/graphql", handler::handleRequest)
                .POST("/eager/graphql", handler::handleRequest)
                .build();
    }

    @Bean
    WebGraphQlInterceptor versionFromPath() {
        return (request, chain) -> {
            String version = request.getUri().getPath().startsWith("/naive/") ? NAIVE : EAGER;
            request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(VERSION, version)).build());
            return chain.next(request);
        };
    }
}
