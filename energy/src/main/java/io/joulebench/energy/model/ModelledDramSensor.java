package io.joulebench.energy.model;

import io.joulebench.energy.Domain;
import io.joulebench.energy.PowerSensor;
import io.joulebench.energy.Reading;
import java.util.Locale;
import java.util.function.LongSupplier;

/** MODELLED DRAM power: a constant W per GiB of installed memory. */
final class ModelledDramSensor implements PowerSensor {
    private final double watts;
    private final String description;
    private final LongSupplier clock;

    ModelledDramSensor(long totalBytes, LongSupplier clock) {
        double gib = totalBytes / (double) (1L << 30);
        this.watts = ModelProvider.DRAM_WATTS_PER_GIB * gib;
        this.description = String.format(Locale.ROOT, "MODELLED: %.3f W/GiB x %.1f GiB installed = %.2f W, "
                + "load-independent", ModelProvider.DRAM_WATTS_PER_GIB, gib, watts);
        this.clock = clock;
    }

    @Override
    public Domain domain() {
        return Domain.DRAM;
    }

    @Override
    public String providerId() {
        return ModelProvider.ID;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean modelled() {
        return true;
    }

    @Override
    public Reading read() {
        return new Reading.Power(watts * 1000.0, clock.getAsLong());
    }
}
