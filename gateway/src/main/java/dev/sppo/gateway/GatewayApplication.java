package dev.sppo.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The public entry point: proxies the {@code /api} routes to trainer-, generator- and preference-service
 * (routes in application.yml), checks the {@code X-API-Key} header and serves the OpenAPI document.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
