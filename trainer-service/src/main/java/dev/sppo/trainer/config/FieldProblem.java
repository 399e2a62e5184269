package dev.sppo.trainer.config;

import dev.sppo.config.InvalidConfigException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One bad field of a submitted job: its dotted path in the config tree and what is wrong with it.
 *
 * @param field for example {@code training.beta}
 * @param message for example {@code beta must be a finite number > 0, got -1.0}
 */
public record FieldProblem(String field, String message) {

    /** {@code "<path>: <message>"}, where the path may end with a dot when the message names the field. */
    private static final Pattern LOCATED = Pattern.compile("^([A-Za-z0-9_.\\[\\]]*): (.*)$", Pattern.DOTALL);
    private static final Pattern LEADING_FIELD = Pattern.compile("^([a-z][a-z0-9_.]*)\\b");

    /**
     * Reads the field out of a config reader error. The reader names a section and lets the message name the
     * setting ({@code training.: beta must be ...}); such a message's first word completes the path.
     */
    public static FieldProblem of(InvalidConfigException e) {
        Matcher located = LOCATED.matcher(e.getMessage());
        if (!located.matches()) {
            return new FieldProblem("", e.getMessage());
        }
        String path = located.group(1);
        String message = located.group(2);
        if (!path.isEmpty() && !path.endsWith(".")) {
            return new FieldProblem(path, message);
        }
        Matcher leading = LEADING_FIELD.matcher(message);
        if (!leading.find()) {
            return new FieldProblem(path.isEmpty() ? "" : path.substring(0, path.length() - 1), message);
        }
        String word = leading.group(1);
        return new FieldProblem(word.contains(".") ? word : path + word, message);
    }
}
