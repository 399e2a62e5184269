package dev.sppo.platform;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Starts one service as its own Spring application context inside this JVM. Settings go in as command-line
 * arguments (which outrank the service's own YAML); each service reads its own {@code <service>.yml}
 * ({@code spring.config.name}) so that four services on one classpath do not share one
 * {@code application.yml}; auto-configurations of other services' starters that share the classpath are
 * excluded. Contexts print no banner and register no shutdown hook of their own: whoever started the platform
 * closes it ({@link EmbeddedPlatform#close()}), in order, before the servers under it.
 */
final class ServiceContexts {

    /** Auto-configurations that only the gateway and the trainer want. */
    private static final String GATEWAY_AUTOCONFIG = String.join(",",
            "org.springframework.cloud.gateway.server.mvc.GatewayServerMvcAutoConfiguration",
            "org.springframework.cloud.gateway.server.mvc.filter.FilterAutoConfiguration",
            "org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctionAutoConfiguration",
            "org.springframework.cloud.gateway.server.mvc.GatewayMultipartAutoConfiguration",
            "org.springframework.cloud.gateway.server.mvc.predicate.PredicateAutoConfiguration",
            "org.springframework.cloud.gateway.server.mvc.config.DefaultFunctionConfiguration");
    private static final String JDBC_AUTOCONFIG = String.join(",",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration");

    private ServiceContexts() {}

    static ConfigurableApplicationContext start(Class<?> application, String configName, boolean needsJdbc,
            boolean isGateway, List<String> settings) {
        List<String> args = new ArrayList<>(settings);
        args.add("--spring.config.name=" + configName);
        List<String> excluded = new ArrayList<>();
        if (!isGateway) {
            excluded.add(GATEWAY_AUTOCONFIG);
        }
        if (!needsJdbc) {
            excluded.add(JDBC_AUTOCONFIG);
        }
        if (!excluded.isEmpty()) {
            args.add("--spring.autoconfigure.exclude=" + String.join(",", excluded));
        }
        return new SpringApplicationBuilder(application)
                .web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .run(args.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
