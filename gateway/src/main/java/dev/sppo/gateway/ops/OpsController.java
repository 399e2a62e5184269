package dev.sppo.gateway.ops;

import dev.sppo.service.auth.ServiceKeyFilter;
import dev.sppo.service.auth.ServiceKeyProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * The ops overview behind the dashboard: the gateway's own health, then, for each route's service, its health,
 * meter totals and Kafka consumer lag as its actuator reports them (with the service key: the services' metrics
 * endpoints ask for it). The services are probed one after the
 * other, each call bounded by {@code sppo.ops.timeout}; one that is down does not fail the overview.
 */
@RestController
public class OpsController {

    /** Where the overview is served; it needs an API key like every other {@code /api} route. */
    public static final String PATH = "/api/ops/overview";

    private static final String GATEWAY = "gateway";

    private final HealthEndpoint health;
    private final List<ServiceProbe> probes;

    public OpsController(HealthEndpoint health, GatewayMvcProperties gateway, OpsProperties ops,
            ServiceKeyProperties serviceKey, RestClient.Builder http) {
        this.health = health;
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(ops.timeout());
        timeouts.setReadTimeout(ops.timeout());
        RestClient.Builder services = http.clone().requestFactory(timeouts);
        if (serviceKey.key() != null) {
            services.defaultHeader(ServiceKeyFilter.HEADER, serviceKey.key());
        }
        this.probes = gateway.getRoutes().stream().map(route -> new ServiceProbe(route.getId(),
                services.clone().baseUrl(route.getUri().toString()).build(), ops.metersOf(route.getId()))).toList();
    }

    @GetMapping(PATH)
    public OpsOverview overview() {
        Instant at = Instant.now();
        List<ServiceOverview> services = new ArrayList<>();
        services.add(new ServiceOverview(GATEWAY, health.health().getStatus().getCode(), null, List.of(), List.of()));
        probes.forEach(probe -> services.add(probe.read()));
        return new OpsOverview(at, services);
    }
}
