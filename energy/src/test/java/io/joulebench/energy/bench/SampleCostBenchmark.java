package io.joulebench.energy.bench;

import io.joulebench.energy.Reading;
import io.joulebench.energy.Sensor;
import io.joulebench.energy.SensorOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** Cost of one reading per sensor kind. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class SampleCostBenchmark {

    Sensor nvmlEnergy;
    Sensor raplPackage;
    Sensor modelCpu;
    Sensor modelDram;
    List<Sensor> all;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        SensorOptions o = Fixtures.options();
        all = Fixtures.all(o);
        nvmlEnergy = find("nvml", "gpu:0");
        raplPackage = find("rapl", "cpu-package");
        modelCpu = find("model", "cpu-package");
        modelDram = find("model", "dram");
    }

    private Sensor find(String provider, String domain) {
        return all.stream().filter(s -> s.providerId().equals(provider) && s.domain().id().equals(domain))
                .findFirst().orElseThrow();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        all.forEach(Sensor::close);
    }

    @Benchmark
    public Reading nvmlEnergyCounterViaJna() {
        return nvmlEnergy.read();
    }

    @Benchmark
    public Reading raplTwoSocketPackageFileRead() {
        return raplPackage.read();
    }

    @Benchmark
    public Reading modelCpuOshiTicks() {
        return modelCpu.read();
    }

    @Benchmark
    public Reading modelDramConstant() {
        return modelDram.read();
    }
}
