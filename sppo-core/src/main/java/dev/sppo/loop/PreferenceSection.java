package dev.sppo.loop;

import dev.sppo.config.ConfigTree;
import dev.sppo.config.InvalidConfigException;
import dev.sppo.preference.LlmJudgeSpec;
import dev.sppo.preference.PreferenceKind;
import dev.sppo.preference.PreferenceModelSpec;
import dev.sppo.preference.PreferenceSpecException;
import dev.sppo.preference.TaskSettings;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Reads the {@code preference} section of a run or job config into a {@link PreferenceModelSpec}:
 *
 * <pre>
 * preference: {kind: gold_judge, tau: 0.1}                         # the default: the task's gold judge
 * preference: {kind: ranker, model_uri: runs/ranker}              # a learned pairwise ranker (train-preference)
 * preference: {kind: reward_model, model_uri: runs/rm, tau: 1.0}  # a learned Bradley-Terry reward model
 * preference: {kind: onnx_reward, model_uri: rm-onnx, tau: 1.0}  # an exported reward model (model.onnx, ...)
 * preference: {kind: onnx_pairwise, model_uri: pairrm-onnx}       # an exported pairwise cross-encoder
 * preference: {kind: encoder_head, model_uri: runs/head/model}    # a head on a frozen ONNX encoder (train-preference)
 * preference: {kind: vader_sentiment, tau: 0.2}                 # VADER's sentiment of the response (text gold)
 * preference: {kind: llm_judge, judge: local}                     # an LLM judge configured in the preference-service
 * preference: {kind: llm_judge, judge: {base_url: http://localhost:11434/v1, model: llama3.2}}  # in-process runs
 * preference: {kind: ensemble, members: [{spec: {kind: gold_judge}, weight: 0.3},
 *                                        {spec: {kind: ranker, model_uri: runs/ranker}, weight: 0.7}]}
 * </pre>
 *
 * A missing {@code tau} is the kind's {@link PreferenceKind#defaultTau()}: 0.1 for the gold judge, 1.0 for a reward
 * model (learned, exported or an encoder head). An LLM judge's inline settings are kept as given, for the {@code
 * LlmJudgeResolver} that builds it to read.
 * Every spec carries the run's task with all its settings (the gold judge's task); a run on its own prompts has
 * none, so a gold judge is refused there. The same reader reads {@code evaluation.judge}. Each error names its path,
 * such as {@code preference.members[1].spec.model_uri}.
 */
public final class PreferenceSection {

    /** The section's key in a config tree. */
    public static final String KEY = "preference";
    private static final String JUDGE = "judge";

    private PreferenceSection() {}

    /**
     * @param task the run's built-in task with all its settings, or null for a run on a prompt dataset
     * @throws InvalidConfigException naming the field path
     */
    public static PreferenceModelSpec read(ConfigTree section, TaskSettings task) {
        PreferenceKind kind = kind(section);
        double tau = section.number("tau", kind.defaultTau());
        LlmJudgeSpec judge = judge(section);
        String modelUri = section.string("model_uri", null);
        List<ConfigTree> sections = section.sections("members");
        List<PreferenceModelSpec.Member> members = IntStream.range(0, sections.size())
                .mapToObj(i -> member(sections.get(i), task)).toList();
        section.checkNoUnknownKeys();
        if (task == null && kind == PreferenceKind.GOLD_JUDGE) {
            throw new InvalidConfigException(section.path() + ".kind: gold_judge grades by a built-in task's answers "
                    + "and a run on prompts has none; name a reward_model, ranker, llm_judge or ensemble");
        }
        try {
            return new PreferenceModelSpec(kind, task, tau, judge, modelUri, members);
        } catch (PreferenceSpecException e) {
            throw fieldError(section, e);
        }
    }

    private static PreferenceKind kind(ConfigTree section) {
        try {
            return PreferenceKind.parse(section.string("kind", PreferenceKind.GOLD_JUDGE.wireName()));
        } catch (PreferenceSpecException e) {
            throw fieldError(section, e);
        }
    }

    /** A judge's name, its settings inline (a section), or null when the section has no judge. */
    private static LlmJudgeSpec judge(ConfigTree section) {
        Map<String, Object> settings = section.rawSection(JUDGE);
        if (settings != null) {
            return LlmJudgeSpec.inline(section.path() + "." + JUDGE, settings);
        }
        String name = section.string(JUDGE, null);
        return name == null ? null : LlmJudgeSpec.named(name);
    }

    private static PreferenceModelSpec.Member member(ConfigTree member, TaskSettings task) {
        PreferenceModelSpec spec = read(member.child("spec"), task);
        double weight = member.number("weight", 1.0);
        member.checkNoUnknownKeys();
        try {
            return new PreferenceModelSpec.Member(spec, weight);
        } catch (PreferenceSpecException e) {
            throw fieldError(member, e);
        }
    }

    private static InvalidConfigException fieldError(ConfigTree section, PreferenceSpecException e) {
        return new InvalidConfigException(section.path() + "." + configName(e.field()) + ": " + e.problem());
    }

    /** The config key of a spec field: the record says {@code modelUri}, configs say {@code model_uri}. */
    private static String configName(String field) {
        return "modelUri".equals(field) ? "model_uri" : field;
    }
}
