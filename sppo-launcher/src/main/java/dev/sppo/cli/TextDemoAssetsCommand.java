package dev.sppo.cli;

import dev.sppo.textdemo.TextDemoAssets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sppo text-demo-assets}: builds the text demo's inputs for {@code ./sppo train --config docs/text-demo.yaml}. */
@Command(name = "text-demo-assets", mixinStandardHelpOptions = true,
        description = {"Build the text demo's inputs from the build's Maven artifacts alone: a corpus of quotes, a "
                + "word-level tokenizer, the base policy pretrained on it, the prompts and the training judge (an "
                + "encoder head on all-MiniLM-L6-v2 learned from noisy VADER labels). About 3 minutes on 2 cores; "
                + "kept and reused while the settings are unchanged.",
            "Then: ./sppo train --config docs/text-demo.yaml"})
final class TextDemoAssetsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "text-demo",
            description = "Where the assets go (default: ${DEFAULT-VALUE}, the directory docs/text-demo.yaml names).")
    private Path out;

    @Override
    public Integer call() throws IOException {
        TextDemoAssets assets = TextDemoAssets.prepare(out, System.err);
        spec.commandLine().getOut().println("text demo assets in " + assets.dir().toAbsolutePath());
        return 0;
    }
}
