package dev.sppo.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code sppo} command: one sub-command per job. */
@Command(
        name = "sppo",
        mixinStandardHelpOptions = true,
        version = "sppo 0.1.0",
        description = "Self-Play Preference Optimization: generate, score, train and benchmark LLaMA-family models; "
                + "run the whole platform locally with 'sppo demo'.",
        subcommands = {GenerateCommand.class, ScoreCommand.class, InitCommand.class, TrainCommand.class,
            TrainPreferenceCommand.class, BenchCommand.class, ReportCommand.class, StudyCommand.class,
            DemoCommand.class, TextDemoAssetsCommand.class, MergeCommand.class, MemoryCommand.class,
            ChaosCommand.class, FuzzCommand.class, CommandLine.HelpCommand.class})
public final class SppoCli implements Runnable {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The command line with every sub-command, whose user errors end as one line on stderr and exit code 2. */
    static CommandLine newCommandLine() {
        UserErrors errors = new UserErrors();
        return new CommandLine(new SppoCli())
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
