package dev.sppo.checkpoint;

import dev.sppo.model.LlamaLayout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Checks the tensors of a checkpoint against the ones its config implies, before any weight is read: every
 * expected tensor must be present with its exact shape, and every other tensor must be one that {@code
 * ignorable} explains away (tensors nobody explains mean that the files and the config disagree).
 *
 * @param specs the tensors the config implies, in checkpoint order
 * @param ignorable names that may be present without being expected
 * @param configFields the config fields that decide which tensors exist, quoted in the error about extras
 * @param configFile the file those fields are read from, named in every error
 */
public record ExpectedTensors(List<LlamaLayout.TensorSpec> specs, Predicate<String> ignorable, String configFields,
        String configFile) {

    public ExpectedTensors {
        specs = List.copyOf(specs);
    }

    /** The tensors a model's {@code config.json} implies. */
    public ExpectedTensors(List<LlamaLayout.TensorSpec> specs, Predicate<String> ignorable, String configFields) {
        this(specs, ignorable, configFields, "config.json");
    }

    /** These tensors and {@code more}, whose existence {@code moreFields} of the config decide. */
    public ExpectedTensors plus(List<LlamaLayout.TensorSpec> more, String moreFields) {
        List<LlamaLayout.TensorSpec> all = new ArrayList<>(specs);
        all.addAll(more);
        return new ExpectedTensors(all, ignorable, configFields + ", " + moreFields, configFile);
    }

    /**
     * @throws MalformedCheckpointException naming the file and the tensor(s) when a tensor is missing, unexplained
     *         or has another shape
     */
    public void check(TensorSource weights) {
        checkNames(weights.origin(), weights.names());
        for (LlamaLayout.TensorSpec spec : specs) {
            long[] found = weights.shape(spec.name());
            if (!Arrays.equals(found, spec.shape())) {
                throw new MalformedCheckpointException(weights.fileOf(spec.name()), spec.name(), "has shape "
                        + Arrays.toString(found) + " but " + configFile + " implies " + Arrays.toString(spec.shape()));
            }
        }
    }

    private void checkNames(Path origin, Set<String> present) {
        Set<String> expected = specs.stream().map(LlamaLayout.TensorSpec::name).collect(Collectors.toSet());
        List<String> missing = expected.stream().filter(n -> !present.contains(n)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new MalformedCheckpointException(origin, "missing tensor(s) required by " + configFile + ": "
                    + preview(missing));
        }
        List<String> unexpected = present.stream()
                .filter(n -> !expected.contains(n) && !ignorable.test(n)).sorted().toList();
        if (!unexpected.isEmpty()) {
            throw new MalformedCheckpointException(origin, "tensor(s) not explained by " + configFile + " "
                    + "(" + configFields + "?): " + preview(unexpected));
        }
    }

    private static String preview(List<String> names) {
        return names.size() <= 5 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
    }
}
