package dev.sppo.loop;

import dev.sppo.model.Policy;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.sampling.BatchedSampling;
import dev.sppo.sampling.Sample;
import dev.sppo.sampling.SamplingParams;
import dev.sppo.source.RunPrompt;
import dev.sppo.training.Progress;
import dev.sppo.training.PromptOutcome;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The generate and prefer phases of an iteration: K samples per prompt, then the K×K preferences. */
final class Generation {

    private Generation() {}

    /** Samples K responses per prompt from the policy, in batches, with a progress bar. */
    static List<List<Sample>> generate(Policy policy, List<RunPrompt> prompts, SamplingParams params,
            PrintStream log) {
        Progress progress = new Progress(log, "generate", prompts.size());
        List<List<Sample>> out = BatchedSampling.sampleIds(policy, prompts.stream().map(RunPrompt::ids).toList(),
                params, done -> progress.advance(done, ""));
        progress.finish(prompts.size() * params.numSamples() + " responses");
        return out;
    }

    /** Scores every prompt's responses with the preference model, which reads the prompt as judges do. */
    static List<PromptOutcome> prefer(Policy policy, List<RunPrompt> prompts, List<List<Sample>> samples,
            PreferenceModel preferences, PrintStream log) {
        Progress progress = new Progress(log, "prefer", prompts.size());
        List<PromptOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            RunPrompt prompt = prompts.get(i);
            List<String> texts = samples.get(i).stream().map(s -> policy.tokenizer().decode(s.tokenIds())).toList();
            outcomes.add(new PromptOutcome(prompt.id(), prompt.ids(), samples.get(i),
                    preferences.compare(prompt.text(), texts)));
            progress.advance(1, "");
        }
        progress.finish("");
        return outcomes;
    }
}
