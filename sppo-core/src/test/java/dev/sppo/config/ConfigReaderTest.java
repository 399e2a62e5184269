package dev.sppo.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

class ConfigReaderTest {

    @TempDir
    Path tmp;

    /** What the layers merged to: name, size, section.left and section.right, and nothing else. */
    record Layered(String name, int size, int left, int right) {}

    private static final class LayeredReader extends ConfigReader<Layered> {

        LayeredReader() {
            super("layered-defaults.yaml");
        }

        @Override
        protected Layered build(Map<String, Object> tree) {
            ConfigTree root = new ConfigTree("", tree);
            ConfigTree section = root.child("section");
            Layered layered = new Layered(root.string("name", null), root.integer("size", 0),
                    section.integer("left", 0), section.integer("right", 0));
            section.checkNoUnknownKeys();
            root.checkNoUnknownKeys();
            return layered;
        }
    }

    @Test
    void theFileOverridesTheDefaultsAndTheOverridesTheFileKeyByKey() throws Exception {
        Path file = Files.writeString(tmp.resolve("run.yaml"), "size: 2\nsection:\n  left: 2\n");

        Layered read = new LayeredReader().read(file, Map.of("section", Map.of("right", 3)));

        assertThat(read).isEqualTo(new Layered("default", 2, 2, 3));
        assertThat(new LayeredReader().defaults()).isEqualTo(new Layered("default", 1, 1, 1));
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedNamingTheFile() throws Exception {
        Path file = Files.write(tmp.resolve("flipped.yaml"), new byte[] {'s', 'i', 'z', 'e', ':', ' ', (byte) 0xC3,
            (byte) 0x28, '\n'});

        assertThatThrownBy(() -> new LayeredReader().read(file))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage(file + ": not UTF-8 text");
    }

    @Test
    void mistakesNameTheFileAndTheFieldPath() throws Exception {
        Path file = Files.writeString(tmp.resolve("typo.yaml"), "section:\n  middle: 2\n");

        assertThatThrownBy(() -> new LayeredReader().read(file))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith(file + ": section.middle: unknown setting");
        assertThatThrownBy(() -> new LayeredReader().read(Map.of("size", "big")))
                .hasMessage("size: expected a whole number, got \"big\"");
        assertThatThrownBy(() -> new LayeredReader().read(tmp.resolve("absent.yaml")))
                .hasMessage(tmp.resolve("absent.yaml") + ": config file not found");
    }
}
