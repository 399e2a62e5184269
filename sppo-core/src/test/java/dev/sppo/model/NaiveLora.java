package dev.sppo.model;

/** LoRA's merged weight computed element by element in double, the independent reference of the adapter tests. */
public final class NaiveLora {

    private NaiveLora() {}

    /** W + s · B A for W (out, in), A (r, in) and B (out, r), all row-major. */
    public static float[] merge(float[] w, float[] a, float[] b, int r, double s) {
        int in = a.length / r;
        int out = w.length / in;
        float[] merged = new float[w.length];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                double sum = 0;
                for (int k = 0; k < r; k++) {
                    sum += (double) b[o * r + k] * a[k * in + i];
                }
                merged[o * in + i] = (float) (w[o * in + i] + s * sum);
            }
        }
        return merged;
    }
}
