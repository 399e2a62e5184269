package dev.sppo.cli;

import dev.sppo.checkpoint.MalformedCheckpointException;
import dev.sppo.config.InvalidConfigException;
import dev.sppo.model.InvalidModelConfigException;
import dev.sppo.prompts.PromptFileException;
import dev.sppo.tokenizer.MalformedTokenizerException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place where failures become what a user sees: a single line {@code sppo <command>: <message>} on
 * stderr, never a stack trace.
 *
 * <ul>
 *   <li>bad flags, and the user's mistakes while running (a missing file, a malformed checkpoint, config,
 *       tokenizer, prompt file or input): exit code {@value ExitCode#USAGE};
 *   <li>other I/O failures (a full disk, a permission): exit code {@value ExitCode#SOFTWARE};
 *   <li>anything else is a bug and is rethrown, so that picocli prints its stack trace.
 * </ul>
 */
final class UserErrors implements IExecutionExceptionHandler, IParameterExceptionHandler {

    private static final List<Class<? extends Exception>> USER_MISTAKES = List.of(
            MalformedCheckpointException.class,
            InvalidModelConfigException.class,
            MalformedTokenizerException.class,
            InvalidConfigException.class,
            PromptFileException.class,
            IllegalArgumentException.class,
            NoSuchFileException.class);

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) throws Exception {
        if (USER_MISTAKES.stream().anyMatch(type -> type.isInstance(ex))) {
            report(command, message(ex));
            return ExitCode.USAGE;
        }
        if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            report(command, message(ex));
            return ExitCode.SOFTWARE;
        }
        throw ex;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        report(command, ex.getMessage() + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static void report(CommandLine command, String message) {
        command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + message);
        command.getErr().flush();
    }

    private static String message(Exception ex) {
        if (ex instanceof NoSuchFileException missing) {
            return missing.getFile() + ": no such file";
        }
        return ex.getMessage() != null ? ex.getMessage() : ex.toString();
    }
}
