package dev.sppo.kernels;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PyTorch operations that DJL's NDArray API does not expose, reached through a small TorchScript module
 * compiled at start-up from {@code kernels.py} (next to this class). They replace chains of DJL element-wise
 * ops whose intermediate tensors cost memory bandwidth, the training step's bottleneck on a CPU:
 *
 * <ul>
 *   <li>{@link #siluMul}: {@code silu(gate) ⊙ up} with the fused {@code aten::silu} and its fused backward;</li>
 *   <li>{@link #rotate}: the rotary embedding {@code x ⊙ cos + roll(x, d/2) ⊙ sin±} ({@code roll} and
 *       {@code addcmul});</li>
 *   <li>{@link #attention}: {@code softmax(q kᵀ + bias) v}, the bias added in place, grouped-query heads
 *       without copies of the keys and values;</li>
 *   <li>{@link #toBfloat16}: the cast to bfloat16, which DJL cannot name;</li>
 *   <li>{@link #halfLinear}: a product with a weight held in half precision, computed in it;</li>
 *   <li>{@link #decoder}: whole decode steps of a plain LLaMA, one call each;</li>
 *   <li>{@link #sampleTokens}: the sampling transform and the draw of every row at once;</li>
 *   <li>{@link #adamW}: {@code torch._fused_adamw_}, one multi-tensor kernel for every parameter;</li>
 *   <li>{@link #zero}, {@link #globalNorm}, {@link #scale}: the {@code torch._foreach_*} list operations;</li>
 *   <li>{@link #gradients}, {@link #accumulateGradients}: {@code torch.autograd.grad} and the accumulation of
 *       its results into leaf gradients, for backward passes run on several threads at once.</li>
 * </ul>
 *
 * The first five are differentiable: autograd records the operations inside a call exactly as eager ops.
 * TorchScript's graph optimizer is switched off before every call, so the calls run those eager kernels:
 * with it on, the profiling executor swaps {@code silu_backward} for a symbolic derivative made of five
 * element-wise ops. The switch is a thread-local flag in PyTorch (hence every call, on the caller's thread;
 * this project runs no other TorchScript). The list operations run without gradient recording. The module
 * is stateless and shared by all threads.
 */
public final class TorchKernels {

    private static final String SOURCE = "kernels.py";
    private static final String CLASS_NAME = "Kernels";

    private TorchKernels() {}

    /** {@code silu(gate) ⊙ up}, silu(z) = z·σ(z); both (..., I). */
    public static NDArray siluMul(NDArray gate, NDArray up) {
        return Module.INSTANCE.record("silu_mul", gate, up);
    }

    /**
     * {@code x} rounded to bfloat16 (to nearest, ties to even), a new array. DJL 0.36 cannot ask the engine for
     * bfloat16 ({@code toType} aborts the process) and reports such an array's type as {@code UNKNOWN}; its
     * {@code toType(FLOAT32)} widens it exactly.
     */
    public static NDArray toBfloat16(NDArray x) {
        return Module.INSTANCE.record("to_bfloat16", x);
    }

    /**
     * {@code x wᵀ} for a weight {@code w} held in bfloat16 or float16, computed in that precision: {@code x} (float32)
     * rounded to it, the products summed in float32, the (…, out) result widened to float32. Autograd keeps {@code
     * w} for the backward pass, where a float32 product would keep a float32 copy of it.
     */
    public static NDArray halfLinear(NDArray x, NDArray w) {
        return Module.INSTANCE.record("half_linear", x, w);
    }

    /**
     * The rotary embedding of x (B, H, T, d) in the {@code rotate_half} convention with the sign folded into
     * the sine: {@code x ⊙ cos + [x₂, x₁] ⊙ sinSigned} for x = [x₁, x₂]; cos and sinSigned broadcast to x.
     */
    public static NDArray rotate(NDArray x, NDArray cos, NDArray sinSigned) {
        return Module.INSTANCE.record("rotate", x, cos, sinSigned);
    }

    /**
     * {@code softmax(q kᵀ + bias) v} for q (B, H, T, d) already scaled by 1/√d, k and v (B, H_kv, S, d) and a bias
     * (B or 1, 1, T, S). With grouped-query attention (H = G·H_kv) key/value head j serves query heads j·G ..
     * j·G+G-1; each group's G·T query rows meet their key head in one product, without copies of k and v.
     */
    public static NDArray attention(NDArray q, NDArray k, NDArray v, NDArray bias) {
        return Module.INSTANCE.record("attention", q, k, v, bias);
    }

    /**
     * The decode steps of one batch of a LLaMA without biases or per-head norms, each a single call: every layer and
     * the head on one new column per row, the new keys and values written in place into the caches.
     */
    public static Decoder decoder(DecodeInputs inputs) {
        return new Decoder(Module.INSTANCE.block, inputs);
    }

    /**
     * One draw per row of (R, V) logits in float64 with the Hugging Face warper order (temperature, top-k, top-p,
     * then the first token whose cumulative probability exceeds the row's uniform), as {@code
     * dev.sppo.sampling.TokenChooser} documents it.
     *
     * @param uniforms (R,) float64 draws from [0, 1)
     * @param topK 0 for none
     * @param topP 1 for none
     * @return the tokens (R,) int64 and their untempered log-probs log softmax(logits) (R,) float64
     */
    public static NDList sampleTokens(NDArray logits, NDArray uniforms, double temperature, int topK, double topP) {
        PtNDManager manager = (PtNDManager) logits.getManager();
        try (IValue z = IValue.from((PtNDArray) logits);
                IValue u = IValue.from((PtNDArray) uniforms);
                IValue t = IValue.from(temperature);
                IValue k = IValue.from((long) topK);
                IValue p = IValue.from(topP)) {
            JniUtils.setGraphExecutorOptimize(false);
            try (IValue drawn = IValueUtils.runMethod(Module.INSTANCE.block, "sample_tokens", z, u, t, k, p)) {
                return new NDList(drawn.toTensorArray(manager));
            }
        }
    }

    /**
     * One {@code torch.optim.AdamW} step over all tensors at once: increments every step count, then updates
     * weights and both moments in place ({@code torch._fused_adamw_}, amsgrad off).
     *
     * @param tensors weights, gradients, moments and float32 scalar step counts, index-aligned
     * @param step this step's settings
     */
    public static void adamW(AdamWTensors tensors, AdamWStep step) {
        Module.INSTANCE.call("adamw", List.of(tensors.weights(), tensors.gradients(), tensors.firstMoments(),
                tensors.secondMoments(), tensors.steps()), step.learningRate(), step.beta1(), step.beta2(),
                step.weightDecay(), step.epsilon());
    }

    /** Sets every tensor to zero in place, NaN and infinite entries included. */
    public static void zero(List<NDArray> tensors) {
        Module.INSTANCE.call("zero_", List.of(tensors));
    }

    /**
     * sqrt(Σ_t ‖t‖²) over all tensors, as {@code torch.nn.utils.clip_grad_norm_}: each tensor's L2 norm in
     * float32, then the norm of those norms.
     */
    public static double globalNorm(List<NDArray> tensors) {
        if (tensors.isEmpty()) {
            return 0;
        }
        try (IValue list = IValue.listFrom(pt(tensors));
                IValue norm = IValueUtils.runMethod(Module.INSTANCE.block, "global_norm", list);
                NDArray value = norm.toTensor((PtNDManager) tensors.get(0).getManager())) {
            return value.getFloat();
        }
    }

    /** Multiplies every tensor by {@code factor} in place. */
    public static void scale(List<NDArray> tensors, double factor) {
        Module.INSTANCE.call("scale_", List.of(tensors), factor);
    }

    /**
     * The gradients of {@code Σ outputs ⊙ gradOutputs} with respect to each input ({@code torch.autograd.grad}),
     * computed without accumulating them anywhere; zeros for inputs the outputs do not depend on. The graph
     * behind {@code outputs} is freed. Safe to run on several threads at once over separate graphs.
     *
     * @param outputs a tensor recorded with gradients
     * @param gradOutputs the upstream gradient, shaped like outputs
     * @param inputs tensors that require gradients (usually the parameters)
     * @return one gradient per input, in order, attached to the inputs' first manager
     */
    public static List<NDArray> gradients(NDArray outputs, NDArray gradOutputs, List<NDArray> inputs) {
        PtNDManager manager = (PtNDManager) inputs.get(0).getManager();
        try (IValue out = IValue.from((PtNDArray) outputs);
                IValue upstream = IValue.from((PtNDArray) gradOutputs);
                IValue leaves = IValue.listFrom(pt(inputs))) {
            JniUtils.setGraphExecutorOptimize(false);
            try (IValue found = IValueUtils.runMethod(Module.INSTANCE.block, "gradients", out, upstream, leaves)) {
                return List.of(found.toTensorArray(manager));
            }
        }
    }

    /** {@code leaves[i].grad += grads[i]} as a backward pass accumulates; a leaf without a gradient gets one. */
    public static void accumulateGradients(List<NDArray> leaves, List<NDArray> grads) {
        Module.INSTANCE.call("accumulate_grad", List.of(leaves, grads));
    }

    static PtNDArray[] pt(List<NDArray> arrays) {
        return arrays.stream().map(PtNDArray.class::cast).toArray(PtNDArray[]::new);
    }

    /** The loaded module and one named marker array per differentiable method (DJL's method selector). */
    private static final class Module {

        private static final List<String> RECORDED = List.of("silu_mul", "rotate", "attention", "to_bfloat16",
                "half_linear");
        static final Module INSTANCE = new Module();

        final PtSymbolBlock block;
        private final NDManager manager = NDManager.newBaseManager();
        private final Map<String, NDArray> markers = new HashMap<>();

        private Module() {
            try (InputStream in = TorchKernels.class.getResourceAsStream(SOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(SOURCE + " is missing from the classpath next to "
                            + TorchKernels.class.getName());
                }
                byte[] archive = TorchScriptArchive.of(CLASS_NAME, in.readAllBytes());
                block = JniUtils.loadModule((PtNDManager) manager, new ByteArrayInputStream(archive), false, false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + SOURCE, e);
            }
            for (String method : RECORDED) {
                NDArray marker = manager.zeros(new Shape());
                marker.setName("module_method:" + method);
                markers.put(method, marker);
            }
        }

        /**
         * Runs a differentiable method with gradient recording as the caller has it. DJL picks the method from
         * an input array named {@code module_method:NAME}; inputs must be unnamed, since DJL reads other names
         * as dictionary or list keys.
         */
        NDArray record(String method, NDArray... inputs) {
            NDList list = new NDList(inputs.length + 1);
            for (NDArray input : inputs) {
                if (input.getName() != null) {
                    throw new IllegalArgumentException("TorchKernels." + method + " takes unnamed arrays, got '"
                            + input.getName() + "'");
                }
                list.add(input);
            }
            list.add(markers.get(method));
            JniUtils.setGraphExecutorOptimize(false);
            return IValueUtils.forward(block, list, true).singletonOrThrow();
        }

        /**
         * Runs an in-place method without gradient recording on tensor lists, then scalars; nothing to do when
         * the lists are empty (the first one stands for all, they are index-aligned).
         */
        void call(String method, List<List<NDArray>> lists, double... scalars) {
            if (lists.get(0).isEmpty()) {
                return;
            }
            IValue[] arguments = new IValue[lists.size() + scalars.length];
            for (int i = 0; i < lists.size(); i++) {
                arguments[i] = IValue.listFrom(pt(lists.get(i)));
            }
            for (int i = 0; i < scalars.length; i++) {
                arguments[lists.size() + i] = IValue.from(scalars[i]);
            }
            try {
                JniUtils.setGraphExecutorOptimize(false);
                IValueUtils.runMethod(block, method, arguments).close();
            } finally {
                for (IValue argument : arguments) {
                    argument.close();
                }
            }
        }
    }
}
