package dev.sppo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sppo.chat.ChatFixtures;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import picocli.CommandLine;

/** Runs {@code sppo} in-process with captured stdout and stderr. */
record Cli(int exitCode, String out, String err) {

    /**
     * A 2-layer model with grouped-query attention (4 query heads, 2 key/value heads) and vocab_size 100, enough
     * for the default printable-ASCII character tokenizer (4 special tokens + 95 characters).
     */
    static final String TINY_CONFIG = """
            {
              "model_type": "llama",
              "vocab_size": 100,
              "hidden_size": 32,
              "intermediate_size": 64,
              "num_hidden_layers": 2,
              "num_attention_heads": 4,
              "num_key_value_heads": 2,
              "max_position_embeddings": 128,
              "rms_norm_eps": 1e-05,
              "tie_word_embeddings": false,
              "bos_token_id": 1,
              "eos_token_id": 2,
              "initializer_range": 0.5
            }
            """;

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = SppoCli.newCommandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exitCode = command.execute(args);
        return new Cli(exitCode, out.toString(), err.toString());
    }

    /** Writes {@link #TINY_CONFIG} to {@code dir/config.json} and runs {@code sppo init} into {@code dir/model}. */
    static Path initTinyModel(Path dir, String... extraArgs) throws IOException {
        return initModel(dir, TINY_CONFIG, extraArgs);
    }

    /**
     * The tiny model with the Llama-3 chat tokenizer of {@link ChatFixtures#LLAMA3} (its chat template, 261 tokens,
     * stop ids 260 and 257, sampling defaults temperature 0.6 and top-p 0.9), in {@code dir/model}.
     */
    static Path initChatModel(Path dir) throws IOException {
        Path tokenizer = ChatFixtures.tokenizerDir(dir, ChatFixtures.LLAMA3);
        String config = TINY_CONFIG.replace("\"vocab_size\": 100", "\"vocab_size\": 264")
                .replace("\"bos_token_id\": 1", "\"bos_token_id\": 256")
                .replace("\"eos_token_id\": 2", "\"eos_token_id\": 260");
        return initModel(dir, config, "--tokenizer", tokenizer.toString());
    }

    private static Path initModel(Path dir, String configJson, String... extraArgs) throws IOException {
        Path config = Files.writeString(dir.resolve("config.json"), configJson);
        Path model = dir.resolve("model");
        String[] args = {"init", "--config", config.toString(), "--out", model.toString(), "--seed", "7"};
        Cli init = run(concat(args, extraArgs));
        if (init.exitCode() != 0) {
            throw new IllegalStateException("sppo init failed: " + init.err());
        }
        return model;
    }

    /** Asserts a user error: exit code 2, nothing on stdout, one line on stderr; returns that line. */
    String userError() {
        assertThat(exitCode).as("exit code; stderr: %s", err).isEqualTo(2);
        assertThat(out).isEmpty();
        assertThat(err.lines()).hasSize(1);
        return err.strip();
    }

    List<String> outLines() {
        return out.lines().toList();
    }

    static String[] concat(String[] first, String... second) {
        String[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
