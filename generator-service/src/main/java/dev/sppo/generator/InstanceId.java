package dev.sppo.generator;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** Resolves the replica name that goes into every {@code SampledResponses.generator}. */
final class InstanceId {

    private static final int SUFFIX_LENGTH = 8;

    private InstanceId() {}

    /**
     * @param configured {@code sppo.generator.instance-id}; used as is unless blank
     * @param host this machine's name
     * @param serverPort {@code server.port}; 0 or less means a random port, replaced by a random suffix
     */
    static String resolve(String configured, String host, int serverPort) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String suffix = serverPort > 0 ? Integer.toString(serverPort)
                : UUID.randomUUID().toString().substring(0, SUFFIX_LENGTH);
        return host + ":" + suffix;
    }

    /** {@code $HOSTNAME}, else the resolver's local host name, else {@code generator}. */
    static String hostname() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "generator";
        }
    }
}
