package io.joulebench.energy.meter;

import io.joulebench.energy.Availability;
import io.joulebench.energy.Domain;
import io.joulebench.energy.DomainInfo;
import io.joulebench.energy.EnergyCounter;
import io.joulebench.energy.Method;
import io.joulebench.energy.PowerSensor;
import io.joulebench.energy.Reading;
import io.joulebench.energy.Sensor;
import io.joulebench.energy.SensorOptions;
import io.joulebench.energy.SensorProvider;
import java.util.List;
import java.util.function.LongSupplier;

/** Test sensors with a known load: a counter advancing at a fixed rate on the session clock, and a settable power. */
final class SyntheticProvider implements SensorProvider {
    final double counterWatts;
    volatile double powerWatts;
    final String id;
    final int priority;

    SyntheticProvider(String id, int priority, double counterWatts, double powerWatts) {
        this.id = id;
        this.priority = priority;
        this.counterWatts = counterWatts;
        this.powerWatts = powerWatts;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int priority() {
        return priority;
    }

    @Override
    public String description() {
        return "synthetic";
    }

    @Override
    public Availability probe(SensorOptions options) {
        return new Availability.Available(List.of(new DomainInfo("gpu:0", Method.COUNTER_DELTA, "synthetic"),
                new DomainInfo("dram", Method.INTEGRATED_POWER, "synthetic")), "synthetic");
    }

    @Override
    public List<Sensor> open(SensorOptions options) {
        LongSupplier clock = options.nanoClock();
        long t0 = clock.getAsLong();
        EnergyCounter counter = new EnergyCounter() {
            @Override
            public Domain domain() {
                return Domain.gpu(0);
            }

            @Override
            public String providerId() {
                return id;
            }

            @Override
            public String description() {
                return "synthetic counter at " + counterWatts + " W";
            }

            @Override
            public Reading read() {
                long t = clock.getAsLong();
                return new Reading.Energy(Math.round(counterWatts * (t - t0) / 1e3), t);
            }
        };
        PowerSensor power = new PowerSensor() {
            @Override
            public Domain domain() {
                return Domain.DRAM;
            }

            @Override
            public String providerId() {
                return id;
            }

            @Override
            public String description() {
                return "synthetic power";
            }

            @Override
            public Reading read() {
                return new Reading.Power(powerWatts * 1000.0, clock.getAsLong());
            }
        };
        return List.of(counter, power);
    }
}
