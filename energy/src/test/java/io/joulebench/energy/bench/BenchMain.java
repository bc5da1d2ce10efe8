package io.joulebench.energy.bench;

import io.joulebench.energy.meter.EnergyMeter;
import io.joulebench.energy.meter.EnergyReport;
import io.joulebench.energy.meter.MeterOptions;
import io.joulebench.energy.meter.MeteringSession;
import io.joulebench.energy.model.ModelProvider;
import io.joulebench.energy.nvml.NvmlProvider;
import io.joulebench.energy.rapl.RaplProvider;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH sample-cost benchmarks, then measures the sampler thread's CPU share (thread CPU time / wall time)
 * at 10 Hz and 100 Hz with all three sensor kinds open (fake NVML 2 GPUs, fake RAPL 2 sockets + DRAM, model).
 * Arguments: [seconds per sampler run, default 20] [skip-jmh].
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        boolean jmh = args.length < 2 || !args[1].equals("skip-jmh");
        if (jmh) {
            new Runner(new OptionsBuilder().include(SampleCostBenchmark.class.getSimpleName()).build()).run();
        }
        for (int hz : new int[] {10, 100}) {
            share("all providers", hz, seconds, List.of(new NvmlProvider(), new RaplProvider(), new ModelProvider()));
        }
        if (args.length > 2 && args[2].equals("breakdown")) {
            share("no sensors (scheduler wake-ups only)", 10, seconds, List.of());
            share("nvml only (fake lib, 2 GPUs)", 10, seconds, List.of(new NvmlProvider()));
            share("rapl only (fake tree, 2 sockets + DRAM)", 10, seconds, List.of(new RaplProvider()));
            share("model only", 10, seconds, List.of(new ModelProvider()));
        }
    }

    private static void share(String label, int hz, int seconds, List<io.joulebench.energy.SensorProvider> providers)
            throws Exception {
        MeterOptions o = new MeterOptions(Duration.ofMillis(1000 / hz), Fixtures.options(), null);
        try (EnergyMeter m = EnergyMeter.open(o, providers)) {
            MeteringSession s = m.start();
            Thread.sleep(seconds * 1000L);
            EnergyReport r = s.stop();
            int samples = r.domains().stream().mapToInt(d -> d.samples()).max().orElse(0);
            System.out.printf(Locale.ROOT, "sampler %3d Hz, %s, %d domains, %d samples/domain over %.1f s: "
                            + "thread CPU %.4f s = %.3f %% of one core%n", hz, label, r.domains().size(), samples,
                    r.windowSeconds(), r.samplerCpuSeconds(), 100 * r.samplerCpuShare());
        }
    }
}
