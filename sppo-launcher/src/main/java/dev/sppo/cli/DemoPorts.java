package dev.sppo.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ports {@code ./sppo demo} listens on, each with the flag that chooses it. They are all checked before
 * anything starts, so that a taken port costs the user one clear line instead of a half-started platform.
 */
final class DemoPorts {

    private final Map<String, Integer> byFlag = new LinkedHashMap<>();

    DemoPorts with(String flag, int port) {
        byFlag.put(flag, port);
        return this;
    }

    /**
     * @throws IllegalArgumentException naming the port and the flag that changes it, for the first port that is
     *     out of range, asked for twice, or already in use
     */
    void requireUsable() {
        Map<Integer, String> seen = new LinkedHashMap<>();
        byFlag.forEach((flag, port) -> {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException(flag + ": " + port + " is not a port (1-65535)");
            }
            String other = seen.putIfAbsent(port, flag);
            if (other != null) {
                throw new IllegalArgumentException(other + " and " + flag + " both ask for port " + port);
            }
        });
        byFlag.forEach((flag, port) -> {
            if (!isFree(port)) {
                throw new IllegalArgumentException("port " + port + " is already in use; choose another with "
                        + flag);
            }
        });
    }

    /** Whether a server could listen on {@code port} on every interface now. */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
