package io.joulebench.algorithms.noprop;

import java.util.Arrays;

/**
 * The NoProp noise levels {@code abar_0 .. abar_T}, rising from pure noise ({@code abar_0 = 0}) to an almost clean
 * label ({@code abar_T} just below 1): {@code q(z_t | y) = N(sqrt(abar_t) u_y, (1 - abar_t) I)}.
 *
 * <p>Cosine schedule (Nichol and Dhariwal 2021, offset s = 0.008) with NoProp's time reversed:
 * {@code abar_t = f(T - t) / f(0)}, {@code f(k) = cos^2(pi/2 (k/T + s)/(1 + s))}. That gives {@code abar_T = 1}
 * exactly and an infinite SNR, so values are clipped to {@link #MAX_ABAR} (SNR(T) about 1e4): our choice, the spec
 * leaves it open.
 */
public record NoiseSchedule(double[] abar) {
    static final double COSINE_OFFSET = 0.008;
    static final double MAX_ABAR = 1 - 1e-4;

    public NoiseSchedule {
        abar = abar.clone();
        if (abar.length < 2) {
            throw new IllegalArgumentException("a schedule needs abar_0 and at least one block");
        }
        for (int t = 0; t < abar.length; t++) {
            if (!(abar[t] >= 0 && abar[t] < 1) || t > 0 && abar[t] <= abar[t - 1]) {
                throw new IllegalArgumentException("abar must rise strictly within [0, 1): " + Arrays.toString(abar));
            }
        }
    }

    /** The cosine schedule for {@code blocks} = T blocks. */
    public static NoiseSchedule cosine(int blocks) {
        double[] a = new double[blocks + 1];
        double f0 = f(0, blocks);
        for (int t = 0; t <= blocks; t++) {
            a[t] = Math.min(MAX_ABAR, Math.max(0, f(blocks - t, blocks) / f0));
        }
        a[0] = 0; // cos(pi/2) is 6e-17 in floating point, not 0
        return new NoiseSchedule(a);
    }

    private static double f(int k, int blocks) {
        double c = Math.cos(Math.PI / 2 * ((double) k / blocks + COSINE_OFFSET) / (1 + COSINE_OFFSET));
        return c * c;
    }

    /** T, the number of blocks. */
    public int blocks() {
        return abar.length - 1;
    }

    public double abar(int t) {
        return abar[t];
    }

    /** Signal-to-noise ratio {@code abar_t / (1 - abar_t)}. */
    public double snr(int t) {
        return abar[t] / (1 - abar[t]);
    }

    /** Weight of block t's denoising term per sample: {@code (T eta / 2)(SNR(t) - SNR(t-1))} (before 1/B). */
    public double denoisingWeight(int t, double eta) {
        return blocks() * eta / 2 * (snr(t) - snr(t - 1));
    }

    /** {@code z_t = a u_hat + b z_{t-1} + sqrt(c) eps}: one inference step's coefficients. */
    public record Step(double a, double b, double c) {
    }

    /**
     * The DDPM posterior {@code q(z_t | z_{t-1}, u_y)} for t = 1..T, with {@code alpha_{t-1} = abar_{t-1}/abar_t}
     * (the forward process {@code q(z_{t-1} | z_t) = N(sqrt(alpha_{t-1}) z_t, (1 - alpha_{t-1}) I)}).
     */
    public Step step(int t) {
        if (t < 1 || t > blocks()) {
            throw new IllegalArgumentException("block " + t + " outside 1.." + blocks());
        }
        double alpha = abar[t - 1] / abar[t];
        double denominator = 1 - abar[t - 1];
        return new Step(Math.sqrt(abar[t]) * (1 - alpha) / denominator,
                Math.sqrt(alpha) * (1 - abar[t]) / denominator,
                (1 - abar[t]) * (1 - alpha) / denominator);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoiseSchedule s && Arrays.equals(s.abar, abar);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(abar);
    }

    @Override
    public String toString() {
        return "NoiseSchedule" + Arrays.toString(abar);
    }
}
