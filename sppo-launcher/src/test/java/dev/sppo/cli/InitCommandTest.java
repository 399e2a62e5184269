package dev.sppo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.model.LlamaConfig;
import dev.sppo.model.Policy;
import dev.sppo.tokenizer.CharTokenizer;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesALoadableRandomModelWithAPrintableAsciiCharacterTokenizerByDefault() throws Exception {
        Path model = Cli.initTinyModel(tmp);

        try (NDManager manager = NDManager.newBaseManager(); Policy policy = ModelDirectory.load(model, manager)) {
            assertThat(policy.config()).isEqualTo(LlamaConfig.readFile(tmp.resolve("config.json")));
            assertThat(policy.config().numKeyValueHeads()).isEqualTo(2);
            assertThat(policy.tokenizer()).isEqualTo(new CharTokenizer(" !\"#$%&'()*+,-./0123456789:;<=>?@"
                    + "ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"));
            assertThat(policy.tokenizer().vocabSize()).isEqualTo(99);
        }
    }

    @Test
    void reportsWhatItWrote() throws Exception {
        Path config = Files.writeString(tmp.resolve("config.json"), Cli.TINY_CONFIG);
        Path out = tmp.resolve("m");

        Cli init = Cli.run("init", "--config", config.toString(), "--out", out.toString());

        assertThat(init.exitCode()).isEqualTo(0);
        assertThat(init.err()).isEmpty();
        // embed and head 100 x 32 each, per layer q,o 32 x 32, k,v 16 x 32, MLP 3 x 64 x 32, two norms of 32
        long perLayer = 2 * 32 * 32 + 2 * 16 * 32 + 3 * 64 * 32 + 2 * 32;
        long parameters = 2 * 100 * 32 + 2 * perLayer + 32;
        assertThat(init.out()).isEqualTo("wrote " + out + ": " + parameters
                + " parameters, vocab_size 100, tokenizer 99 tokens\n");
    }

    @Test
    void sameSeedWritesTheSameWeightsAndAnotherSeedOthers() throws Exception {
        Path config = Files.writeString(tmp.resolve("config.json"), Cli.TINY_CONFIG);
        for (String[] run : new String[][] {{"a", "3"}, {"b", "3"}, {"c", "4"}}) {
            assertThat(Cli.run("init", "--config", config.toString(), "--out", tmp.resolve(run[0]).toString(),
                    "--seed", run[1]).exitCode()).isEqualTo(0);
        }

        byte[] a = Files.readAllBytes(tmp.resolve("a/model.safetensors"));
        assertThat(Files.readAllBytes(tmp.resolve("b/model.safetensors"))).isEqualTo(a);
        assertThat(Files.readAllBytes(tmp.resolve("c/model.safetensors"))).isNotEqualTo(a);
    }

    @Test
    void alphabetFlagChoosesTheCharacters() throws Exception {
        Path model = Cli.initTinyModel(tmp, "--alphabet", "xyz");

        try (NDManager manager = NDManager.newBaseManager(); Policy policy = ModelDirectory.load(model, manager)) {
            assertThat(policy.tokenizer()).isEqualTo(new CharTokenizer("xyz"));
        }
    }

    @Test
    void tokenizerFlagCopiesTheTokenizerOfADirectory() throws Exception {
        Path source = tmp.resolve("tokenizer");
        new CharTokenizer("0123456789+=").save(source);

        Path model = Cli.initTinyModel(tmp, "--tokenizer", source.toString());

        try (NDManager manager = NDManager.newBaseManager(); Policy policy = ModelDirectory.load(model, manager)) {
            assertThat(policy.tokenizer()).isEqualTo(new CharTokenizer("0123456789+="));
        }
    }

    @Test
    void tokenizerLargerThanVocabSizeIsAUserError() throws Exception {
        Path config = Files.writeString(tmp.resolve("config.json"), Cli.TINY_CONFIG);
        String[] args = {"init", "--config", config.toString(), "--out", tmp.resolve("m").toString(),
                "--alphabet", TokenizerOption.PRINTABLE_ASCII + "\u00e0\u00e7\u00e8\u00e9\u00ea"};

        Cli init = Cli.run(args);

        assertThat(init.userError()).isEqualTo("sppo init: " + config + ": vocab_size 100 is smaller than the "
                + "tokenizer's 104 tokens");
        assertThat(tmp.resolve("m")).doesNotExist();
    }

    @Test
    void tokenizerAndAlphabetTogetherAreRefused() throws Exception {
        Path config = Files.writeString(tmp.resolve("config.json"), Cli.TINY_CONFIG);

        Cli init = Cli.run("init", "--config", config.toString(), "--out", tmp.resolve("m").toString(),
                "--tokenizer", tmp.toString(), "--alphabet", "abc");

        assertThat(init.userError()).startsWith("sppo init: Error: --tokenizer=DIR, --alphabet=CHARS are mutually "
                + "exclusive");
    }

    @Test
    void nonEmptyOutputDirectoryIsRefused() throws Exception {
        Path config = Files.writeString(tmp.resolve("config.json"), Cli.TINY_CONFIG);

        Cli init = Cli.run("init", "--config", config.toString(), "--out", tmp.toString());

        assertThat(init.userError()).isEqualTo("sppo init: --out " + tmp + ": directory is not empty");
        assertThat(config).hasContent(Cli.TINY_CONFIG);
    }

    @Test
    void malformedConfigIsAUserError() throws Exception {
        Path config = Files.writeString(tmp.resolve("config.json"), "{\"model_type\": \"llama\", ");

        Cli init = Cli.run("init", "--config", config.toString(), "--out", tmp.resolve("m").toString());

        assertThat(init.userError()).startsWith("sppo init: " + config + ": malformed JSON");
    }

    @Test
    void missingConfigIsAUserError() {
        Path config = tmp.resolve("absent.json");

        Cli init = Cli.run("init", "--config", config.toString(), "--out", tmp.resolve("m").toString());

        assertThat(init.userError()).isEqualTo("sppo init: " + config + ": no such file");
    }
}
