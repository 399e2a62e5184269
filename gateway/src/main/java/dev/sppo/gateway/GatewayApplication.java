package dev.sppo.gateway;

import dev.sppo.service.auth.ServiceKeyProperties;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The public entry point: proxies the {@code /api} routes to trainer-, generator- and preference-service
 * (routes in gateway.yml), checks the {@code X-API-Key} header, serves the OpenAPI document and the ops dashboard
 * (static files under {@code static/}, their data from the same {@code /api} routes and {@code /api/ops/overview}).
 * It sends the services the service key ({@link ServiceKeyProperties}) in place of the client's API key.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableConfigurationProperties(ServiceKeyProperties.class)
public class GatewayApplication {

    /**
     * The service reads {@code gateway.yml}, not {@code application.yml}, so that the four services can share
     * one classpath in the embedded platform without reading each other's configuration.
     */
    public static final String CONFIG = "spring.config.name=gateway";

    public static void main(String[] args) {
        new SpringApplicationBuilder(GatewayApplication.class).properties(CONFIG).run(args);
    }
}
