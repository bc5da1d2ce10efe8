package io.joulebench.algorithms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/** Facts about the numerical backend trainers run on, for provenance. Loads ND4J on first call. */
public final class Backend {
    private Backend() {
    }

    /** Backend class, BLAS vendor and thread settings, CPU features as ND4J reports them. */
    public static Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("nd4j.backend", Nd4j.getBackend().getClass().getName());
        facts.put("nd4j.dataType", Nd4j.dataType().toString());
        facts.put("blas.vendor", String.valueOf(Nd4j.factory().blas().getBlasVendor()));
        facts.put("blas.maxThreads", Integer.toString(Nd4j.factory().blas().getMaxThreads()));
        facts.put("env.OMP_NUM_THREADS", String.valueOf(System.getenv("OMP_NUM_THREADS")));
        Properties info = Nd4j.getExecutioner().getEnvironmentInformation();
        for (String key : new String[] {"cores", "omp.threads", "blas.threads", "arch", "cpu.features"}) {
            Object v = info.get(key);
            if (v != null) {
                facts.put("nd4j." + key, v.toString());
            }
        }
        return facts;
    }
}
