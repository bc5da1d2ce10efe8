package io.joulebench.energy.nvml;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The scripting API of src/test/c/fake_nvml.c, bound to the same loaded library as the binding under test. */
public interface FakeNvmlControl extends Library {
    void fake_nvml_reset();

    void fake_nvml_set_init_rc(int rc);

    void fake_nvml_set_count(int n);

    void fake_nvml_set_energy(int dev, int rc, long startMj, long stepMj);

    void fake_nvml_set_power(int dev, int rc, int startMw, int stepMw);

    void fake_nvml_fail_after(int dev, int calls, int rc);

    /** Makes nvmlDeviceGetHandleByIndex_v2 fail for one device (NO_PERMISSION on a GPU a job was not given). */
    void fake_nvml_set_handle_rc(int dev, int rc);

    /** Makes reading number {@code call} (1-based; energy and power reads counted together) return {@code value}. */
    void fake_nvml_glitch(int dev, int call, long value);

    /** How many nvmlInit calls are not yet paired with an nvmlShutdown (NVML is reference-counted). */
    int fake_nvml_refcount();

    int fake_nvml_init_calls();

    int fake_nvml_shutdown_calls();

    /** The compiled fake library; skips the test (visibly) where gcc was not available at build time. */
    static Path library() {
        String p = System.getProperty("joulebench.test.fakeNvml", "target/fake-nvml/libnvidia-ml.so");
        Path path = Path.of(p).toAbsolutePath();
        Assumptions.assumeTrue(Files.isRegularFile(path),
                "fake libnvidia-ml.so not built (gcc missing?): " + path + " - NVML JNA tests skipped");
        return path;
    }

    static FakeNvmlControl load() {
        return Native.load(library().toString(), FakeNvmlControl.class);
    }
}
