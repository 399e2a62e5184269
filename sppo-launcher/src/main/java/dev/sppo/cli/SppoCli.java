package dev.sppo.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sppo} command: one sub-command per job. */
@Command(
        name = "sppo",
        mixinStandardHelpOptions = true,
        version = "sppo 0.1.0",
        description = "Self-Play Preference Optimization: generate, score, train and benchmark LLaMA-family models.",
        subcommands = {CommandLine.HelpCommand.class, BenchCommand.class})
public final class SppoCli implements Runnable {

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    static CommandLine newCommandLine() {
        return new CommandLine(new SppoCli());
    }

    @Override
    public void run() {
        newCommandLine().usage(System.out);
    }
}
