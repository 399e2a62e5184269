package dev.sppo.textdemo;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.model.Llama;
import dev.sppo.model.LlamaConfig;
import dev.sppo.model.Policy;
import dev.sppo.tokenizer.HfTokenizer;
import dev.sppo.tokenizer.TextTokenizer;
import dev.sppo.training.OptimizerConfig;
import dev.sppo.training.Progress;
import dev.sppo.training.ResponseExample;
import dev.sppo.training.SftConfig;
import dev.sppo.training.SftTrainer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text demo's base policy π_0: a small LLaMA trained from scratch to write English sentences, by the
 * next-token negative log-likelihood of each training sentence after the BOS token,
 *
 * <pre>
 *   L(θ) = − (1 / Σ|s|) Σ_s Σ_t log π_θ(s_t | BOS, s_&lt;t)      (the EOS token closes every sentence)
 * </pre>
 *
 * which is supervised fine-tuning ({@link SftTrainer}) with the prompt {@code [BOS]} and the sentence as the
 * response. Saved as a Hugging Face directory with the demo's word-level tokenizer.
 */
final class BasePretraining {

    private BasePretraining() {}

    /**
     * @param sentences the corpus's training split
     * @param tokenizerDir the demo's tokenizer files
     * @param out where π_0 is written
     */
    static void train(List<String> sentences, Path tokenizerDir, TextDemoSettings.Base settings, long seed, Path out,
            PrintStream log) throws IOException {
        TextTokenizer tokenizer = HfTokenizer.load(tokenizerDir);
        LlamaConfig architecture = LlamaConfig.builder().vocabularyOf(tokenizer).hiddenSize(settings.hiddenSize())
                .numHiddenLayers(settings.layers()).numAttentionHeads(settings.heads())
                .maxPositionEmbeddings(settings.maxPositions()).build();
        List<ResponseExample> examples = sentences.stream().map(s -> example(tokenizer, s)).toList();
        try (NDManager manager = NDManager.newBaseManager();
                Policy policy = new Policy(Llama.random(architecture, manager, seed), tokenizer)) {
            int steps = settings.epochs() * ((examples.size() + settings.batchSize() - 1) / settings.batchSize());
            Progress progress = new Progress(log, "pretraining π_0", steps);
            SftConfig sft = new SftConfig(settings.epochs(), settings.batchSize(), OptimizerConfig.builder()
                    .learningRate(settings.learningRate()).beta2(0.98).warmupRatio(0.05).build(), seed);
            var last = new SftTrainer(policy, sft).train(epoch -> examples, step -> progress.advance(1,
                    String.format(Locale.ROOT, "nll %.3f", step.loss())));
            progress.finish(String.format(Locale.ROOT, "nll %.3f", last.loss()));
            ModelDirectory.save(policy, out, Map.of("sppo.kind", "text-demo-base"));
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("pretraining the text demo's base policy failed: " + e.getMessage(), e);
        }
    }

    /** {@code [BOS]} as the prompt; the sentence's ids and EOS as the response. */
    private static ResponseExample example(TextTokenizer tokenizer, String sentence) {
        int[] ids = tokenizer.encodePrompt(sentence);
        int[] response = Arrays.copyOfRange(ids, 1, ids.length + 1);
        response[response.length - 1] = tokenizer.eosId();
        return new ResponseExample(new int[] {ids[0]}, response);
    }
}
