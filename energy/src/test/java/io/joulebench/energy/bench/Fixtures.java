package io.joulebench.energy.bench;

import io.joulebench.energy.Sensor;
import io.joulebench.energy.SensorOptions;
import io.joulebench.energy.model.ModelProvider;
import io.joulebench.energy.nvml.NvmlProvider;
import io.joulebench.energy.rapl.FakePowercap;
import io.joulebench.energy.rapl.RaplProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The sensors the benchmarks read: a fake two-socket powercap tree, the fake NVML library, the model. */
final class Fixtures {
    private Fixtures() {
    }

    static Path fakePowercap() throws Exception {
        Path root = Files.createTempDirectory("jb-powercap");
        new FakePowercap(root).zone("intel-rapl:0", "package-0").zone("intel-rapl:0:0", "dram")
                .zone("intel-rapl:1", "package-1").zone("intel-rapl:1:0", "dram");
        root.toFile().deleteOnExit();
        return root;
    }

    static String fakeNvml() {
        String p = System.getProperty("joulebench.test.fakeNvml", "energy/target/fake-nvml/libnvidia-ml.so");
        if (!Files.isRegularFile(Path.of(p))) {
            throw new IllegalStateException("fake NVML library not found at " + p
                    + ": run ./mvnw -o test-compile -pl energy first or set -Djoulebench.test.fakeNvml");
        }
        return Path.of(p).toAbsolutePath().toString();
    }

    static SensorOptions options() throws Exception {
        return SensorOptions.defaults().withPowercapRoot(fakePowercap()).withNvmlLibrary(fakeNvml());
    }

    static List<Sensor> all(SensorOptions o) throws Exception {
        List<Sensor> s = new ArrayList<>();
        s.addAll(new NvmlProvider().open(o));
        s.addAll(new RaplProvider().open(o));
        s.addAll(new ModelProvider().open(o));
        return s;
    }
}
