package dev.sppo.cli;

import java.io.PrintStream;
import java.util.List;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Closes the demo's servers in order when the user stops it. A JVM shutdown hook does it on any exit; Ctrl-C
 * (SIGINT) and SIGTERM are caught as well so that the orderly close runs <em>before</em> the JVM's hooks: the
 * JVM runs all its hooks at once, and the embedded PostgreSQL registers a hook of its own that would stop the
 * database while the services still use it. After the close the handler exits with 128 + the signal number,
 * and the hooks find everything already closed.
 */
final class OrderlyShutdown {

    private static final List<String> SIGNALS = List.of("INT", "TERM");

    private OrderlyShutdown() {}

    static void install(Runnable closeInOrder, PrintStream terminal) {
        Runtime.getRuntime().addShutdownHook(new Thread(closeInOrder, "sppo-demo-shutdown"));
        SignalHandler handler = signal -> {
            terminal.println();
            terminal.println("stopping: services, then PostgreSQL, then Kafka...");
            closeInOrder.run();
            terminal.println("stopped");
            Runtime.getRuntime().exit(128 + signal.getNumber());
        };
        for (String name : SIGNALS) {
            Signal.handle(new Signal(name), handler);
        }
    }
}
