package dev.sppo.cli;

import dev.sppo.tokenizer.CharTokenizer;
import dev.sppo.tokenizer.TextTokenizer;
import dev.sppo.tokenizer.Tokenizers;

import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import picocli.CommandLine.Option;

/** The tokenizer of {@code sppo init}: one from a directory, or a character tokenizer over an alphabet. */
final class TokenizerOption {

    /** Printable ASCII, code points 32 to 126. */
    static final String PRINTABLE_ASCII = IntStream.rangeClosed(32, 126)
            .mapToObj(Character::toString).collect(Collectors.joining());

    @Option(names = "--tokenizer", paramLabel = "DIR",
            description = "Copy the tokenizer of this directory (tokenizer.json, tokenizer_config.json).")
    Path dir;

    @Option(names = "--alphabet", paramLabel = "CHARS",
            description = "Build a character tokenizer over these characters (default: printable ASCII 32..126).")
    String alphabet;

    TextTokenizer load() {
        if (dir != null) {
            return Tokenizers.load(dir);
        }
        try {
            return new CharTokenizer(alphabet != null ? alphabet : PRINTABLE_ASCII);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--alphabet: " + e.getMessage(), e);
        }
    }
}
