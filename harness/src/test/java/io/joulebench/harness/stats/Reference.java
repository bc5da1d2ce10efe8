package io.joulebench.harness.stats;

/**
 * Data sets whose reference values come from SciPy 1.10.1 / statsmodels 0.13.5 (Debian 12), printed by
 * {@code /usr/bin/python3 harness/src/test/resources/stats/reference.py}; each test quotes the line it uses.
 */
final class Reference {
    private Reference() {
    }

    static final double[] A = {12.1, 11.8, 12.6, 12.3, 11.9, 12.4, 15.9};
    static final double[] X = {101.2, 98.7, 104.5, 99.9, 102.3, 100.8};
    static final double[] Y = {110.4, 108.1, 113.9, 107.7, 111.0, 109.6, 112.5};
    static final double[] Y_PAIRED = {110.4, 108.1, 113.9, 107.7, 111.0, 109.6};
    static final double[] ACC_X = {88.1, 88.4, 87.9, 88.3, 88.0, 88.2};
    static final double[] ACC_Y = {88.0, 88.2, 88.1, 88.3, 87.9, 88.1};
    static final double[] NEAR_ZERO = {0.3, -0.2, 0.5, 0.1, -0.4};
    static final double[] BX = {81.0, 95.2, 70.4, 88.9, 102.7, 77.5, 91.3, 84.1, 99.6, 73.8};
    static final double[] BY = {100.2, 118.0, 90.1, 109.5, 126.3, 97.7, 112.4, 106.0, 121.9, 93.0};
    static final double[] SX = {1.21, 1.52, 1.13, 4.80, 1.33, 1.41, 1.25, 3.90, 1.36, 1.62};
    static final double[] SY = {1.02, 1.11, 0.98, 1.05, 1.20, 1.07, 0.95, 1.10, 1.04, 1.01, 1.08, 0.99};
}
