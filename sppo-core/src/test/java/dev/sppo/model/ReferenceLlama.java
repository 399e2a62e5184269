package dev.sppo.model;

import java.util.function.Function;

/**
 * A deliberately naive, double-precision transcription of Hugging Face {@code LlamaForCausalLM.forward} for one
 * unpadded sequence: loops instead of tensors, so it shares no code with {@link Llama}. The other families'
 * forwards differ where their {@code modeling_*.py} does, decided here from the config's raw fields:
 * {@code MistralForCausalLM} (no projection bias; query i attends to keys j with i - sliding_window &lt; j ≤ i),
 * {@code Qwen2ForCausalLM} (q/k/v biased, o and MLP not) and {@code Qwen3ForCausalLM} (q/k/v/o biased under
 * attention_bias, MLP not; RMSNorm over head_dim on each q and k head, before RoPE).
 */
public final class ReferenceLlama {

    private final LlamaConfig c;
    private final Function<String, float[]> w;
    private final boolean qkvBias;
    private final boolean outputBias;
    private final boolean mlpBias;
    private final int window;

    public ReferenceLlama(LlamaConfig config, Function<String, float[]> weights) {
        this.c = config;
        this.w = weights;
        ModelFamily family = config.family();
        this.qkvBias = family == ModelFamily.QWEN2
                || (family != ModelFamily.MISTRAL && config.attentionBias());
        this.outputBias = (family == ModelFamily.LLAMA || family == ModelFamily.QWEN3) && config.attentionBias();
        this.mlpBias = family == ModelFamily.LLAMA && config.mlpBias();
        this.window = config.slidingWindow() == null ? Integer.MAX_VALUE : config.slidingWindow();
    }

    /** (T, V) logits: the head applied to {@link #hiddenStates}. */
    public double[][] logits(int[] ids) {
        String head = c.tieWordEmbeddings() ? "model.embed_tokens.weight" : "lm_head.weight";
        return matmulT(hiddenStates(ids), w.apply(head), c.vocabSize());
    }

    /** (T, D) final hidden states RMSNorm(h_L), HF {@code LlamaModel}'s {@code last_hidden_state}. */
    public double[][] hiddenStates(int[] ids) {
        int t = ids.length;
        int d = c.hiddenSize();
        double[][] h = new double[t][d];
        float[] embed = w.apply("model.embed_tokens.weight");
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < d; j++) {
                h[i][j] = embed[ids[i] * d + j];
            }
        }
        for (int l = 0; l < c.numHiddenLayers(); l++) {
            String p = "model.layers." + l + ".";
            double[][] attn = attention(p, rmsNorm(h, w.apply(p + "input_layernorm.weight")));
            add(h, attn);
            double[][] x = rmsNorm(h, w.apply(p + "post_attention_layernorm.weight"));
            double[][] gate = linear(x, p + "mlp.gate_proj", mlpBias);
            double[][] up = linear(x, p + "mlp.up_proj", mlpBias);
            for (int i = 0; i < t; i++) {
                for (int j = 0; j < gate[i].length; j++) {
                    double g = gate[i][j];
                    gate[i][j] = g / (1 + Math.exp(-g)) * up[i][j];
                }
            }
            add(h, linear(gate, p + "mlp.down_proj", mlpBias));
        }
        return rmsNorm(h, w.apply("model.norm.weight"));
    }

    private double[][] attention(String p, double[][] x) {
        int t = x.length;
        int hd = c.headDim();
        int groups = c.numAttentionHeads() / c.numKeyValueHeads();
        double[][] q = linear(x, p + "self_attn.q_proj", qkvBias);
        double[][] k = linear(x, p + "self_attn.k_proj", qkvBias);
        double[][] v = linear(x, p + "self_attn.v_proj", qkvBias);
        if (c.family() == ModelFamily.QWEN3) {
            q = headNorm(q, w.apply(p + "self_attn.q_norm.weight"));
            k = headNorm(k, w.apply(p + "self_attn.k_norm.weight"));
        }
        q = rope(q, c.numAttentionHeads());
        k = rope(k, c.numKeyValueHeads());
        double[][] out = new double[t][c.numAttentionHeads() * hd];
        for (int head = 0; head < c.numAttentionHeads(); head++) {
            int kvHead = head / groups;
            for (int i = 0; i < t; i++) {
                int first = Math.max(0, i - window + 1);
                double[] scores = new double[i + 1];
                double max = Double.NEGATIVE_INFINITY;
                for (int s = first; s <= i; s++) {
                    double dot = 0;
                    for (int e = 0; e < hd; e++) {
                        dot += q[i][head * hd + e] * k[s][kvHead * hd + e];
                    }
                    scores[s] = dot / Math.sqrt(hd);
                    max = Math.max(max, scores[s]);
                }
                double sum = 0;
                for (int s = first; s <= i; s++) {
                    scores[s] = Math.exp(scores[s] - max);
                    sum += scores[s];
                }
                for (int s = first; s <= i; s++) {
                    for (int e = 0; e < hd; e++) {
                        out[i][head * hd + e] += scores[s] / sum * v[s][kvHead * hd + e];
                    }
                }
            }
        }
        return linear(out, p + "self_attn.o_proj", outputBias);
    }

    /** RMSNorm of every head_dim-wide slice of each row (Qwen3RMSNorm on the (T, heads, d) view). */
    private double[][] headNorm(double[][] x, float[] gain) {
        int hd = c.headDim();
        double[][] out = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int base = 0; base < x[i].length; base += hd) {
                double ms = 0;
                for (int e = 0; e < hd; e++) {
                    ms += x[i][base + e] * x[i][base + e];
                }
                double scale = 1 / Math.sqrt(ms / hd + c.rmsNormEps());
                for (int e = 0; e < hd; e++) {
                    out[i][base + e] = x[i][base + e] * scale * gain[e];
                }
            }
        }
        return out;
    }

    /** HF rotate_half: x·cos + [-x2, x1]·sin, angle p·θ_i for both halves. */
    private double[][] rope(double[][] x, int heads) {
        int hd = c.headDim();
        int half = hd / 2;
        double[][] out = new double[x.length][x[0].length];
        for (int pos = 0; pos < x.length; pos++) {
            for (int head = 0; head < heads; head++) {
                int base = head * hd;
                for (int i = 0; i < half; i++) {
                    double theta = 1.0 / Math.pow(c.ropeTheta(), 2.0 * i / hd);
                    if (c.ropeScaling() != null) {
                        theta = c.ropeScaling().scale(theta);
                    }
                    double cos = Math.cos(pos * theta);
                    double sin = Math.sin(pos * theta);
                    double x1 = x[pos][base + i];
                    double x2 = x[pos][base + i + half];
                    out[pos][base + i] = x1 * cos - x2 * sin;
                    out[pos][base + i + half] = x2 * cos + x1 * sin;
                }
            }
        }
        return out;
    }

    private double[][] rmsNorm(double[][] x, float[] gain) {
        double[][] out = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            double ms = 0;
            for (double v : x[i]) {
                ms += v * v;
            }
            double scale = 1 / Math.sqrt(ms / x[i].length + c.rmsNormEps());
            for (int j = 0; j < x[i].length; j++) {
                out[i][j] = x[i][j] * scale * gain[j];
            }
        }
        return out;
    }

    private double[][] linear(double[][] x, String name, boolean bias) {
        float[] weight = w.apply(name + ".weight");
        int out = weight.length / x[0].length;
        double[][] y = matmulT(x, weight, out);
        if (bias) {
            float[] b = w.apply(name + ".bias");
            for (double[] row : y) {
                for (int j = 0; j < out; j++) {
                    row[j] += b[j];
                }
            }
        }
        return y;
    }

    private static double[][] matmulT(double[][] x, float[] weight, int out) {
        int in = x[0].length;
        double[][] y = new double[x.length][out];
        for (int i = 0; i < x.length; i++) {
            for (int o = 0; o < out; o++) {
                double s = 0;
                for (int j = 0; j < in; j++) {
                    s += x[i][j] * weight[o * in + j];
                }
                y[i][o] = s;
            }
        }
        return y;
    }

    private static void add(double[][] h, double[][] delta) {
        for (int i = 0; i < h.length; i++) {
            for (int j = 0; j < h[i].length; j++) {
                h[i][j] += delta[i][j];
            }
        }
    }
}
