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
import io.joulebench.energy.UnavailableReason;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Test sensors that can be made to fail on demand: a counter on {@code gpu:0} advancing at {@code counterWatts} of
 * the session clock, and a power sensor on {@code dram} reading {@code powerWatts}. While a {@code ...Failing} flag
 * is set, the sensor's reads are {@link Reading.Missing}.
 */
final class FlakyProvider implements SensorProvider {
    volatile double counterWatts;
    volatile double powerWatts;
    volatile boolean counterFailing;
    volatile boolean powerFailing;

    FlakyProvider(double counterWatts, double powerWatts) {
        this.counterWatts = counterWatts;
        this.powerWatts = powerWatts;
    }

    @Override
    public String id() {
        return "flaky";
    }

    @Override
    public int priority() {
        return 1000;
    }

    @Override
    public String description() {
        return "flaky";
    }

    @Override
    public Availability probe(SensorOptions options) {
        return new Availability.Available(List.of(new DomainInfo("gpu:0", Method.COUNTER_DELTA, "flaky"),
                new DomainInfo("dram", Method.INTEGRATED_POWER, "flaky")), "flaky");
    }

    @Override
    public List<Sensor> open(SensorOptions options) {
        LongSupplier clock = options.nanoClock();
        EnergyCounter counter = new EnergyCounter() {
            long last = clock.getAsLong();
            double uj;

            @Override
            public Domain domain() {
                return Domain.gpu(0);
            }

            @Override
            public String providerId() {
                return "flaky";
            }

            @Override
            public String description() {
                return "flaky counter";
            }

            @Override
            public Reading read() {
                long t = clock.getAsLong();
                uj += counterWatts * (t - last) / 1e3;
                last = t;
                return counterFailing ? new Reading.Missing(UnavailableReason.SENSOR_FAILED, "counter flaked", t)
                        : new Reading.Energy(Math.round(uj), t);
            }
        };
        PowerSensor power = new PowerSensor() {
            @Override
            public Domain domain() {
                return Domain.DRAM;
            }

            @Override
            public String providerId() {
                return "flaky";
            }

            @Override
            public String description() {
                return "flaky power";
            }

            @Override
            public Reading read() {
                long t = clock.getAsLong();
                return powerFailing ? new Reading.Missing(UnavailableReason.SENSOR_FAILED, "power flaked", t)
                        : new Reading.Power(powerWatts * 1000.0, t);
            }
        };
        return List.of(counter, power);
    }
}
