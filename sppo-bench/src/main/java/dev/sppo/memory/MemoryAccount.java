package dev.sppo.memory;

import ai.djl.nn.Parameter;
import dev.sppo.model.Llama;
import dev.sppo.model.LlamaLayout;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The bytes a training run holds for its parameters, gradients and AdamW state:
 *
 * <pre>
 *   parameters = Σ_base n_p · bytes(base dtype) + Σ_adapter n_p · 4
 *   gradients  = Σ_trainable n_p · 4              (float32)
 *   optimizer  = Σ_trainable n_p · 8              (AdamW's two float32 moments, m and v)
 * </pre>
 *
 * The trainable parameters are every one for full fine-tuning and the adapter's A and B for LoRA.
 *
 * @param parameters how many parameters the model holds
 * @param trainable how many of them train
 */
public record MemoryAccount(long parameters, long trainable, long parameterBytes, long gradientBytes,
        long optimizerBytes) {

    private static final int FLOAT32_BYTES = 4;
    private static final int ADAMW_MOMENTS = 2;

    public static MemoryAccount of(Llama model) {
        Set<String> base = LlamaLayout.tensors(model.config()).stream().map(LlamaLayout.TensorSpec::name)
                .collect(Collectors.toSet());
        long baseCount = 0;
        long adapterCount = 0;
        for (Parameter p : model.parameterList()) {
            long n = p.getArray().getShape().size();
            if (base.contains(p.getName())) {
                baseCount += n;
            } else {
                adapterCount += n;
            }
        }
        long trainable = model.adapter().isPresent() ? adapterCount : baseCount;
        return new MemoryAccount(baseCount + adapterCount, trainable,
                baseCount * model.basePrecision().bytes() + adapterCount * FLOAT32_BYTES,
                trainable * FLOAT32_BYTES, trainable * FLOAT32_BYTES * ADAMW_MOMENTS);
    }
}
