package dev.sppo.trainer.config;

import dev.sppo.contracts.InvalidMessageException;
import dev.sppo.contracts.PreferenceMember;
import dev.sppo.contracts.PreferenceSpec;
import dev.sppo.loop.ConfigTree;
import dev.sppo.loop.InvalidConfigException;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Reads a job's {@code preference} section into the {@link PreferenceSpec} its generation requests carry:
 * <pre>
 * preference: {kind: gold_judge, tau: 0.1}                      # the default
 * preference: {kind: llm_judge, judge: local}                    # a judge configured in the preference-service
 * preference: {kind: ensemble, members: [{spec: {kind: gold_judge}, weight: 0.3},
 *                                        {spec: {kind: llm_judge, judge: local}, weight: 0.7}]}
 * </pre>
 * Every spec carries the job's task. Each error names its path ({@code preference.members[1].spec.judge}).
 */
final class JobPreferences {

    static final String SECTION = "preference";

    private JobPreferences() {}

    /** @throws InvalidConfigException naming the field path */
    static PreferenceSpec read(Map<String, Object> tree, String task) {
        return read(new ConfigTree("", tree).child(SECTION), SECTION, task);
    }

    private static PreferenceSpec read(ConfigTree n, String path, String task) {
        String kind = n.string("kind", PreferenceSpec.GOLD_JUDGE);
        double tau = n.number("tau", 0.1);
        String judge = n.string("judge", null);
        String modelUri = n.string("model_uri", null);
        List<ConfigTree> sections = n.sections("members");
        List<PreferenceMember> members = IntStream.range(0, sections.size())
                .mapToObj(i -> member(sections.get(i), path + ".members[" + i + "]", task)).toList();
        n.checkNoUnknownKeys();
        try {
            return new PreferenceSpec(kind, task, tau, judge, modelUri, members);
        } catch (InvalidMessageException e) {
            throw new InvalidConfigException(path + "." + configName(e.field()) + ": " + problem(e));
        }
    }

    private static PreferenceMember member(ConfigTree m, String path, String task) {
        PreferenceSpec spec = read(m.child("spec"), path + ".spec", task);
        double weight = m.number("weight", 1.0);
        m.checkNoUnknownKeys();
        try {
            return new PreferenceMember(spec, weight);
        } catch (InvalidMessageException e) {
            throw new InvalidConfigException(path + "." + e.field() + ": " + problem(e));
        }
    }

    private static String configName(String field) {
        return "modelUri".equals(field) ? "model_uri" : field;
    }

    /** The contract's problem without its {@code PreferenceSpec.field: } prefix. */
    private static String problem(InvalidMessageException e) {
        String message = e.getMessage();
        return message.substring(message.indexOf(": ") + 2);
    }
}
