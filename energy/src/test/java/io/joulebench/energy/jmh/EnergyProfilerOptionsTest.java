package io.joulebench.energy.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.energy.Domain;
import io.joulebench.energy.nvml.FakeNvmlControl;
import io.joulebench.energy.rapl.FakePowercap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.profile.Profiler;
import org.openjdk.jmh.profile.ProfilerException;

/** Option parsing, the host-side sensor check, and discovery through ServiceLoader. */
class EnergyProfilerOptionsTest {

    @TempDir
    Path tmp;

    @Test
    void defaultsAreTenMillisecondsAndEveryDomain() throws Exception {
        for (String blank : new String[] {null, "", "  "}) {
            ProfilerOptions o = ProfilerOptions.parse(blank);
            assertEquals(Duration.ofMillis(10), o.interval());
            assertNull(o.powercapRoot());
            assertNull(o.nvmlLibrary());
            assertEquals(List.of(), o.domains());
        }
    }

    @Test
    void parsesEveryOption() throws Exception {
        ProfilerOptions o = ProfilerOptions.parse(
                "powercap-root=/tmp/pc; nvml-library=/opt/libnvidia-ml.so;interval=0.5s;domains=cpu-package,dram,gpu:0");
        assertEquals(Path.of("/tmp/pc"), o.powercapRoot());
        assertEquals("/opt/libnvidia-ml.so", o.nvmlLibrary());
        assertEquals(Duration.ofMillis(500), o.interval());
        assertEquals(List.of(Domain.CPU_PACKAGE, Domain.DRAM, Domain.gpu(0)), o.domains());
        assertEquals(Duration.ofMillis(25), ProfilerOptions.parse("interval=25").interval(), "bare number: ms");
        assertEquals(Duration.ofMillis(2), ProfilerOptions.parse("interval=2000us").interval());
    }

    @Test
    void badOptionsNameWhatWasWrongAndListTheValidOnes() {
        assertError("colour=blue", "unknown option 'colour'");
        assertError("interval=fast", "bad interval 'fast'");
        assertError("interval=500us", "at least 1 ms");
        assertError("domains=cpu-package,gpu", "bad domain 'gpu'");
        assertError("domains=dram,dram", "domain 'dram' given twice");
        assertError("powercap-root", "option 'powercap-root' needs a value");
    }

    private static void assertError(String options, String expected) {
        ProfilerException e = assertThrows(ProfilerException.class, () -> ProfilerOptions.parse(options));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        for (String key : ProfilerOptions.KEYS.keySet()) {
            assertTrue(e.getMessage().contains(key + "="), "lists " + key + ": " + e.getMessage());
        }
        // The constructor JMH calls reports the same error.
        ProfilerException c = assertThrows(ProfilerException.class, () -> new EnergyProfiler(options));
        assertTrue(c.getMessage().contains(expected), c.getMessage());
    }

    @Test
    void unusableSensorsAreRefusedUpFrontWithEveryReason() {
        Path missing = tmp.resolve("no-such-powercap");
        Path noLib = tmp.resolve("no-such-libnvidia-ml.so");
        ProfilerException e = assertThrows(ProfilerException.class,
                () -> new EnergyProfiler("powercap-root=" + missing + ";nvml-library=" + noLib));
        assertTrue(e.getMessage().contains("EnergyProfiler option powercap-root " + missing + ": rapl unavailable"),
                e.getMessage());
        assertTrue(e.getMessage().contains("EnergyProfiler option nvml-library " + noLib + ": nvml unavailable"),
                "both explicit failures, not only the first: " + e.getMessage());
    }

    @Test
    void aRequestedDomainTheMeterLacksIsRefusedWithTheProvidersReasons() {
        FakePowercap f = new FakePowercap(tmp).zone("intel-rapl:0", "package-0");
        ProfilerException e = assertThrows(ProfilerException.class,
                () -> new EnergyProfiler("powercap-root=" + f.root() + ";domains=cpu-package,gpu:7"));
        assertTrue(e.getMessage().contains("domain gpu:7 is not metered here"), e.getMessage());
        assertTrue(e.getMessage().contains("providers: "), e.getMessage());
    }

    @Test
    void usableSensorsPass() throws Exception {
        FakePowercap f = new FakePowercap(tmp).zone("intel-rapl:0", "package-0");
        EnergyProfiler p = new EnergyProfiler("powercap-root=" + f.root() + ";domains=cpu-package;interval=20ms");
        assertEquals(Duration.ofMillis(20), p.options().interval());
    }

    @Test
    void aGpuDomainThroughTheNvmlLibraryOption() throws Exception {
        Path lib = FakeNvmlControl.library(); // the fake libnvidia-ml.so (2 GPUs); skips visibly without gcc
        EnergyProfiler p = new EnergyProfiler("nvml-library=" + lib + ";domains=gpu:0,gpu:1");
        assertEquals(List.of(Domain.gpu(0), Domain.gpu(1)), p.options().domains());
        ProfilerException e = assertThrows(ProfilerException.class,
                () -> new EnergyProfiler("nvml-library=" + lib + ";domains=gpu:2"));
        assertTrue(e.getMessage().contains("domain gpu:2 is not metered here"), e.getMessage());
        assertTrue(e.getMessage().contains("nvml: measures [gpu:0, gpu:1]"), e.getMessage());
    }

    @Test
    void serviceLoaderFindsItThroughTheCheapConstructor() {
        Profiler found = ServiceLoader.load(Profiler.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof EnergyProfiler).findFirst()
                .orElseThrow(() -> new AssertionError("not registered in META-INF/services"));
        assertTrue(found.getDescription().contains("J/op"), found.getDescription());
        assertTrue(found.getDescription().contains("powercap-root="), found.getDescription());
    }
}
