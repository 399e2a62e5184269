package dev.sppo.study;

import dev.sppo.loop.SppoConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/** Runs one configured run of a study and measures π_0 .. π_T. */
@FunctionalInterface
public interface RunExecutor {

    List<RunPoint> execute(SppoConfig config, PrintStream log) throws IOException;
}
