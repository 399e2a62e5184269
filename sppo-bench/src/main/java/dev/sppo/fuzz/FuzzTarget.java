package dev.sppo.fuzz;

import java.net.URI;

/**
 * A running platform to fuzz.
 *
 * @param gateway the gateway's base URI, for example {@code http://127.0.0.1:8080}
 * @param apiKey an API key the gateway accepts (of role admin, so that every route is reachable)
 * @param kafkaBootstrap the broker's {@code host:port}
 */
public record FuzzTarget(URI gateway, String apiKey, String kafkaBootstrap) {

    public FuzzTarget {
        if (gateway == null || apiKey == null || kafkaBootstrap == null) {
            throw new IllegalArgumentException("gateway, apiKey and kafkaBootstrap are all required");
        }
    }

    /** The gateway's URI for {@code pathAndQuery}. */
    public URI uri(String pathAndQuery) {
        return URI.create(gateway.toString().replaceAll("/$", "") + pathAndQuery);
    }
}
