package dev.sppo.gateway;

import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A test against the whole gateway on a random port, sending {@link GatewayClient#SERVICE_KEY} downstream; subclasses
 * point its routes where they need.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {GatewayApplication.CONFIG, "sppo.service.key=" + GatewayClient.SERVICE_KEY})
abstract class RunningGatewayTest {

    @LocalServerPort
    private int port;

    /** A client for the gateway under test, sending {@link GatewayClient#KEY} unless told otherwise. */
    protected GatewayClient gateway;

    /** Points the three routes at the given base URLs and accepts only {@link GatewayClient#KEY}. */
    protected static void routeTo(DynamicPropertyRegistry registry, Supplier<Object> trainer,
            Supplier<Object> generator, Supplier<Object> preference) {
        registry.add("TRAINER_URL", trainer);
        registry.add("GENERATOR_URL", generator);
        registry.add("PREFERENCE_URL", preference);
        registry.add("sppo.gateway.api-keys", () -> GatewayClient.KEY);
    }

    @BeforeEach
    void connect() {
        gateway = new GatewayClient(port);
    }
}
