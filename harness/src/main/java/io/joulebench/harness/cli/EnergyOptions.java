package io.joulebench.harness.cli;

import io.joulebench.harness.Defaults;
import io.joulebench.energy.EnergyException;
import io.joulebench.energy.carbon.CarbonCalculator;
import io.joulebench.energy.carbon.CarbonIntensityTable;
import io.joulebench.energy.carbon.IntensitySeries;
import io.joulebench.energy.meter.EnergyMeter;
import io.joulebench.energy.meter.MeterOptions;
import io.joulebench.energy.SensorOptions;
import io.joulebench.energy.process.ProcessTree;
import io.joulebench.harness.trial.CarbonSettings;
import io.joulebench.harness.trial.EnergyScope;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Sampler, sensor locations and carbon options, shared by every command that meters (a picocli mixin). */
public final class EnergyOptions {

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = Defaults.INTERVAL, description = "energy sampler period (default: ${DEFAULT-VALUE})")
    Duration interval;

    @Option(names = "--region", paramLabel = "CODE", defaultValue = CarbonIntensityTable.WORLD,
            description = "ISO 3166 country code (alpha-2 or alpha-3) for the grid carbon intensity"
                    + " (default: ${DEFAULT-VALUE})")
    String region;

    @Option(names = "--pue", paramLabel = "X", defaultValue = "1.0",
            description = "power usage effectiveness of the facility (default: ${DEFAULT-VALUE})")
    double pue;

    @Option(names = "--intensity", paramLabel = "CSV",
            description = "time-resolved carbon intensity (timestamp,g_per_kwh), integrated over the power trace")
    Path intensity;

    @Option(names = "--scope", paramLabel = "machine|process", defaultValue = "machine", converter = ScopeConverter.class,
            description = "which figure the summary and carbon use: the machine's, or the ATTRIBUTED share of the "
                    + "process tree (the measured command; a trial's JVM and its children), whose CPU load the model "
                    + "then also uses (default: ${DEFAULT-VALUE})")
    EnergyScope scope;

    @Mixin
    SensorLocationOptions locations;

    /** Case-insensitive wherever the option is parsed (forked trials and suite files too). */
    static final class ScopeConverter implements CommandLine.ITypeConverter<EnergyScope> {
        @Override
        public EnergyScope convert(String value) {
            for (EnergyScope s : EnergyScope.values()) {
                if (s.label().equalsIgnoreCase(value.trim())) {
                    return s;
                }
            }
            throw new CommandLine.TypeConversionException("expected machine or process, got '" + value + "'");
        }
    }

    /** The scope asked for. */
    EnergyScope scope() {
        return scope;
    }

    /** Checks every option; throws with a message naming the bad one. */
    CarbonSettings carbon() throws EnergyException {
        if (interval.isNegative() || interval.toMillis() < 1) {
            throw new EnergyException("--interval must be at least 1ms (got " + interval.toMillis() + " ms)");
        }
        CarbonCalculator.checkPue(pue);
        IntensitySeries series = intensity == null ? null : IntensitySeries.read(intensity);
        return new CarbonSettings(CarbonIntensityTable.load().require(region), series, pue);
    }

    /** Under {@code --scope process} the model's CPU load is the tree's. */
    MeterOptions meterOptions(ProcessTree tree) {
        SensorOptions sensors = locations.resolve();
        return new MeterOptions(interval, scope == EnergyScope.PROCESS ? sensors.withLoadTree(tree) : sensors, null);
    }

    /**
     * Opens the meter; an explicitly chosen sensor location ({@code --powercap-root}, {@code --nvml-library}, their
     * property or environment variable) that fails is an error, not a silent fallback to the model.
     *
     * @param tree the process tree whose share is attributed (and, under {@code --scope process}, the model's load)
     */
    EnergyMeter openMeter(ProcessTree tree) throws EnergyException {
        EnergyMeter meter = EnergyMeter.open(meterOptions(tree));
        try {
            meter.requireExplicitLocations();
        } catch (EnergyException | RuntimeException e) {
            meter.close();
            throw e;
        }
        return meter;
    }
}
