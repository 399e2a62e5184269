package dev.sppo.embedded;

import java.nio.file.Path;

/**
 * A process that starts the embedded database on a data directory and a port, writes one row, prints
 * {@value #READY} and waits to be killed: killed with SIGKILL it leaves the server running, as a {@code kill -9} of
 * the demo does.
 */
final class AbandonedDatabase {

    static final String READY = "ready";

    private AbandonedDatabase() {}

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]), Integer.parseInt(args[1]));
        EmbeddedServersTest.sql(database, "CREATE TABLE notes (text varchar NOT NULL)");
        EmbeddedServersTest.sql(database, "INSERT INTO notes VALUES ('written before the crash')");
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
