package dev.sppo.trainer.orchestration;

import org.slf4j.Logger;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A {@link PrintStream} for sppo-core's terminal output (warm-start messages, progress bars) that logs each
 * finished line once: a progress bar redraws itself with carriage returns, and only its last state is logged.
 */
public final class LogStream extends OutputStream {

    private final Logger log;
    private final String prefix;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private LogStream(Logger log, String prefix) {
        this.log = log;
        this.prefix = prefix;
    }

    public static PrintStream info(Logger log, String prefix) {
        return new PrintStream(new LogStream(log, prefix), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            String text = line.toString(StandardCharsets.UTF_8);
            String last = text.substring(text.lastIndexOf('\r') + 1).strip();
            if (!last.isEmpty()) {
                log.info("{}: {}", prefix, last);
            }
            line.reset();
        } else {
            line.write(b);
        }
    }
}
