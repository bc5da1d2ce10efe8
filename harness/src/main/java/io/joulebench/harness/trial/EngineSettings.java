package io.joulebench.harness.trial;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings outside a trainer's parameters that change its results (rounding, thread count): part of every trial
 * key, so resume never mixes trials run with a different gemm library, BLAS or thread count.
 */
public final class EngineSettings {
    private EngineSettings() {
    }

    /** This process's settings, as the launcher passed them. */
    public static Map<String, String> current() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("gemm", System.getProperty("joulebench.gemm", "onednn"));
        // The launcher sets this property only for JOULEBENCH_BLAS=system.
        s.put("blas", System.getProperty("org.bytedeco.openblas.load") == null ? "bundled" : "system");
        String threads = System.getenv("OMP_NUM_THREADS");
        s.put("threads", threads == null || threads.isBlank() ? "default" : threads.trim());
        return s;
    }
}
