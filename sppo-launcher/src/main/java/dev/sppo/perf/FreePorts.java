package dev.sppo.perf;

import java.io.IOException;
import java.net.ServerSocket;

/** A port that nothing listens on right now (the OS's pick), for servers that must be told their port. */
final class FreePorts {

    private FreePorts() {}

    static int next() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
