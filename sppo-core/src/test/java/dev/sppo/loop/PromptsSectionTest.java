package dev.sppo.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sppo.config.InvalidConfigException;
import dev.sppo.prompts.BadLinePolicy;
import dev.sppo.prompts.EvalSplit;
import dev.sppo.prompts.PromptFields;
import dev.sppo.prompts.PromptFormat;
import dev.sppo.prompts.PromptLengthLimit;
import dev.sppo.prompts.PromptSourceConfig;
import dev.sppo.prompts.TruncateMode;
import dev.sppo.source.DatasetSource;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

class PromptsSectionTest {

    private static final Map<String, Object> BASE = Map.of("path", "models/chat");
    private static final Map<String, Object> REWARD_MODEL = Map.of("kind", "reward_model", "model_uri", "runs/rm");

    @Test
    void aRunOnPromptsReadsEverySettingOfItsPromptFile() {
        SppoConfig config = read(Map.of("path", "data/p.csv", "eval_path", "data/held.jsonl", "on_bad_line", "skip",
                "max_prompt_tokens", 256, "truncate", "skip", "id_field", "uid", "prompt_field", "text"));

        assertThat(config.builtInTask()).isEmpty();
        assertThat(((DatasetSource) config.prompts()).config()).isEqualTo(new PromptSourceConfig(
                Path.of("data/p.csv"), PromptFormat.CSV, new PromptFields("uid", "text", "messages"),
                new EvalSplit.SeparateFile(Path.of("data/held.jsonl"), PromptFormat.JSONL), BadLinePolicy.SKIP,
                new PromptLengthLimit(256, TruncateMode.SKIP)));
    }

    @Test
    void aFieldSetToNullReadsOnlyTheOtherForm() {
        Map<String, Object> prompts = new HashMap<>(Map.of("path", "uf.jsonl", "prompt_field", "instruction"));
        prompts.put("messages_field", null);

        PromptSourceConfig config = ((DatasetSource) read(prompts).prompts()).config();

        assertThat(config.fields()).isEqualTo(new PromptFields("id", "instruction", null));
    }

    @Test
    void unsetSettingsTakeThePromptDefaults() {
        PromptSourceConfig prompts = ((DatasetSource) read(Map.of("path", "p.jsonl")).prompts()).config();

        assertThat(prompts).isEqualTo(PromptSourceConfig.of(Path.of("p.jsonl")));
    }

    @Test
    void errorsNameTheFullPathOfTheSetting() {
        assertRefused(Map.of("path", "p.jsonl", "eval_fraction", 2.0),
                "prompts.eval_fraction: must be in [0, 1), got 2.0");
        assertRefused(Map.of("path", "p.jsonl", "eval_fraction", 0.1, "eval_path", "e.jsonl"),
                "prompts.eval_fraction, prompts.eval_path: name one of the two");
        assertRefused(Map.of("path", "p.jsonl", "max_prompt_tokens", 0),
                "prompts.max_prompt_tokens: must be >= 1, got 0");
        assertRefused(Map.of("path", "p.txt"), "prompts.format: cannot tell the format of p.txt");
        assertRefused(Map.of("path", "p.jsonl", "eval_path", "e.txt"), "prompts.eval_path: format: cannot tell");
        assertRefused(Map.of("path", "p.jsonl", "truncate", "middle"), "prompts.truncate: unknown value \"middle\"");
        assertRefused(Map.of("path", "p.jsonl", "paht", "x"), "prompts.paht: unknown setting");
        assertRefused(Map.of("eval_fraction", 0.1), "prompts.path: required");
    }

    @Test
    void aRunNamesATaskOrPromptsButNotBothAndNotNeither() {
        Map<String, Object> both = Map.of("task", Map.of("name", "sorting"), "prompts", Map.of("path", "p.jsonl"),
                "base", BASE, "preference", REWARD_MODEL);
        assertThatThrownBy(() -> new SppoConfigReader().read(both)).isInstanceOf(InvalidConfigException.class)
                .hasMessage("task, prompts: a run names exactly one of the two (a built-in task, or a prompt file), "
                        + "got both");
        Map<String, Object> neither = new HashMap<>();
        neither.put("task", null);
        assertThatThrownBy(() -> new SppoConfigReader().read(neither)).hasMessageEndingWith("got neither");
    }

    @Test
    void aRunOnPromptsNeedsABaseModel() {
        assertThatThrownBy(() -> new SppoConfigReader().read(Map.of("prompts", Map.of("path", "p.jsonl"),
                "preference", REWARD_MODEL)))
                .hasMessageStartingWith("base.path: a run on prompts needs a Hugging Face model directory");
    }

    @Test
    void theGoldJudgeNeedsATaskForTrainingAndForEvaluation() {
        assertThatThrownBy(() -> new SppoConfigReader().read(Map.of("prompts", Map.of("path", "p.jsonl"),
                "base", BASE)))
                .hasMessageStartingWith("preference.kind: gold_judge grades by a built-in task's answers");
        assertThatThrownBy(() -> new SppoConfigReader().read(Map.of("prompts", Map.of("path", "p.jsonl"),
                "base", BASE, "preference", REWARD_MODEL, "evaluation", Map.of("judge", Map.of("kind", "ensemble",
                        "members", List.of(Map.of("spec", Map.of("kind", "gold_judge"))))))))
                .hasMessageStartingWith("evaluation.judge.members[0].spec.kind: gold_judge");
    }

    @Test
    void withoutAnEvaluationJudgePromptsAreJudgedByTheTrainingJudgeAndTasksByTheirGoldJudge() {
        SppoConfig prompts = read(Map.of("path", "p.jsonl"));
        assertThat(prompts.evaluationJudge()).contains(prompts.preference());
        assertThat(prompts.evaluatesWithTrainingJudge()).isTrue();

        SppoConfig task = new SppoConfigReader().defaults();
        assertThat(task.evaluationJudge()).isEmpty();
        assertThat(task.evaluatesWithTrainingJudge()).isFalse();

        SppoConfig judged = new SppoConfigReader().read(Map.of("prompts", Map.of("path", "p.jsonl"), "base", BASE,
                "preference", REWARD_MODEL, "evaluation", Map.of("judge", Map.of("kind", "ranker",
                        "model_uri", "runs/ranker"))));
        assertThat(judged.evaluationJudge()).hasValueSatisfying(spec -> assertThat(spec.modelUri())
                .isEqualTo("runs/ranker"));
        assertThat(judged.evaluatesWithTrainingJudge()).isFalse();
    }

    private static SppoConfig read(Map<String, Object> prompts) {
        return new SppoConfigReader().read(Map.of("prompts", prompts, "base", BASE, "preference", REWARD_MODEL));
    }

    private static void assertRefused(Map<String, Object> prompts, String message) {
        assertThatThrownBy(() -> read(prompts)).isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith(message);
    }
}
