package io.joulebench.algorithms;

import io.joulebench.algorithms.local.Gemm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.nd4j.linalg.factory.Nd4j;

/** Facts about the numerical backend trainers run on, for provenance. Loads ND4J on first call. */
public final class Backend {
    private Backend() {
    }

    /**
     * Backend class, BLAS vendor and thread settings, the library the hand-written trainers' float32 products run on,
     * CPU features as ND4J reports them.
     */
    public static Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("nd4j.backend", Nd4j.getBackend().getClass().getName());
        facts.put("nd4j.dataType", Nd4j.dataType().toString());
        facts.put("blas.vendor", String.valueOf(Nd4j.factory().blas().getBlasVendor()));
        facts.put("blas.maxThreads", Integer.toString(Nd4j.factory().blas().getMaxThreads()));
        loadedBlasLibraries().ifPresent(libs -> facts.put("blas.libraries", libs));
        facts.put("gemm.library", Gemm.library());
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

    /**
     * The OpenBLAS shared libraries mapped into this process (Linux), e.g. ND4J's bundled copy or the system's
     * (launcher option {@code JOULEBENCH_BLAS=system}): which BLAS actually ran, not which was asked for.
     */
    static Optional<String> loadedBlasLibraries() {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(maps)) {
            String libs = lines.map(l -> l.substring(l.lastIndexOf(' ') + 1))
                    .filter(path -> path.startsWith("/") && path.contains("libopenblas"))
                    .distinct().sorted().collect(Collectors.joining(","));
            return libs.isEmpty() ? Optional.empty() : Optional.of(libs);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
