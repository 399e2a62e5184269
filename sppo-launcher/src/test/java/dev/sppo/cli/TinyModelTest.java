package dev.sppo.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Base of the test classes that run commands against one tiny model, written by {@code sppo init} per class. */
abstract class TinyModelTest {

    @TempDir
    static Path tmp;

    /** The model directory, as a command-line argument. */
    static String model;

    @BeforeAll
    static void initModel() throws IOException {
        model = Cli.initTinyModel(tmp).toString();
    }
}
