package dev.sppo.training;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line terminal progress bar for a phase: {@code [train   ] ########------  12/40  3.1/s  ETA 9s  loss 0.42}.
 * Redraws at most every 200 ms (and at the end), on a stream that is usually stderr.
 */
public final class Progress {

    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final String phase;
    private final int total;
    private final long started = System.nanoTime();
    private long lastDraw;
    private int done;

    public Progress(PrintStream out, String phase, int total) {
        this.out = out;
        this.phase = phase;
        this.total = Math.max(1, total);
    }

    public void advance(int amount, String detail) {
        done = Math.min(total, done + amount);
        long now = System.nanoTime();
        if (done == total || now - lastDraw > REDRAW_NANOS) {
            lastDraw = now;
            draw(now, detail);
        }
    }

    public void finish(String detail) {
        done = total;
        draw(System.nanoTime(), detail);
        out.println();
    }

    private void draw(long now, String detail) {
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        double rate = done / seconds;
        long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
        int filled = (int) Math.round(WIDTH * (double) done / total);
        out.print(String.format(Locale.ROOT, "\r[%-8s] %s%s %5d/%-5d %7.1f/s  ETA %3ds  %s", phase,
                "#".repeat(filled), "-".repeat(WIDTH - filled), done, total, rate, eta, detail == null ? "" : detail));
        out.flush();
    }
}
