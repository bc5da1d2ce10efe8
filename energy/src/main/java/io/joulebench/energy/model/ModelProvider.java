package io.joulebench.energy.model;

import io.joulebench.energy.Availability;
import io.joulebench.energy.Domain;
import io.joulebench.energy.DomainInfo;
import io.joulebench.energy.Method;
import io.joulebench.energy.Sensor;
import io.joulebench.energy.SensorException;
import io.joulebench.energy.SensorOptions;
import io.joulebench.energy.SensorProvider;
import io.joulebench.energy.UnavailableReason;
import java.util.List;
import java.util.Locale;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.HardwareAbstractionLayer;

/**
 * The lowest-priority provider: a MODELLED estimate of CPU package and DRAM power where no counter can be read.
 * Never reported as a measurement.
 */
public final class ModelProvider implements SensorProvider {

    /** Provider id. */
    public static final String ID = "model";
    /** DRAM watts per GiB installed: 3 W per 8 GB, the figure CodeCarbon documents for its RAM model. */
    public static final double DRAM_WATTS_PER_GIB = 0.375;
    /** The relative error assumed for a modelled figure (an assumption, see docs/energy.md). */
    public static final double ASSUMED_RELATIVE_ERROR = 0.5;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public String description() {
        return "MODELLED estimate: CPU from OSHI load ticks x TDP table, DRAM from installed memory";
    }

    private record Host(CentralProcessor cpu, String model, int packages, int logical, long memory) {
    }

    private static Host host() {
        HardwareAbstractionLayer hal = new SystemInfo().getHardware();
        CentralProcessor cpu = hal.getProcessor();
        return new Host(cpu, cpu.getProcessorIdentifier().getName().trim(), cpu.getPhysicalPackageCount(),
                cpu.getLogicalProcessorCount(), hal.getMemory().getTotal());
    }

    @Override
    public Availability probe(SensorOptions options) {
        try {
            Host h = host();
            TdpTable.Tdp tdp = TdpTable.load().tdp(h.model(), h.packages(), h.logical());
            return new Availability.Available(List.of(
                    new DomainInfo(Domain.CPU_PACKAGE.id(), Method.MODELLED, String.format(Locale.ROOT,
                            "MODELLED CPU package: %.0f W x (0.1 + 0.9 x load^3), system load from OSHI ticks; %s",
                            tdp.watts(), tdp.basis())),
                    new DomainInfo(Domain.DRAM.id(), Method.MODELLED, String.format(Locale.ROOT,
                            "MODELLED DRAM: %.3f W/GiB x %.1f GiB installed", DRAM_WATTS_PER_GIB,
                            h.memory() / (double) (1L << 30)))),
                    "OSHI on " + System.getProperty("os.name") + "; assumed error +/-"
                            + Math.round(ASSUMED_RELATIVE_ERROR * 100) + " %");
        } catch (RuntimeException | LinkageError e) {
            return new Availability.Unavailable(UnavailableReason.NOT_SUPPORTED,
                    "OSHI cannot read CPU load on this platform: " + e, "");
        }
    }

    @Override
    public List<Sensor> open(SensorOptions options) throws SensorException {
        try {
            Host h = host();
            TdpTable.Tdp tdp = TdpTable.load().tdp(h.model(), h.packages(), h.logical());
            return List.of(new ModelledCpuSensor(h.cpu(), tdp.watts(), tdp.basis(), options.nanoClock(),
                            options.loadTree()),
                    new ModelledDramSensor(h.memory(), options.nanoClock()));
        } catch (RuntimeException | LinkageError e) {
            throw new SensorException(UnavailableReason.NOT_SUPPORTED, "OSHI cannot read CPU load: " + e, "", e);
        }
    }
}
