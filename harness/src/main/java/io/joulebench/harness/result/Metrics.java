package io.joulebench.harness.result;

import io.joulebench.harness.result.EnergyRecord.DomainRecord;
import io.joulebench.harness.result.EnergyRecord.Quality;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The names of the per-trial metrics and how a trial's record derives them; every consumer reads these names. */
public final class Metrics {
    public static final String TEST_ACCURACY = "testAccuracy";
    public static final String TEST_LOSS = "testLoss";
    public static final String TRAINING_SECONDS = "trainingSeconds";
    public static final String TEST_SECONDS = "testSeconds";
    public static final String EPOCHS = "epochs";
    public static final String DATA_PASSES = "dataPasses";
    public static final String FLOPS = "flops";
    public static final String ENERGY_JOULES = "energyJoules";
    public static final String IDLE_JOULES = "idleJoules";
    public static final String NET_ENERGY_JOULES = "netEnergyJoules";
    public static final String MEAN_POWER_WATTS = "meanPowerWatts";
    public static final String CO2E_GRAMS = "co2eGrams";
    /** The process tree's ATTRIBUTED share of the CPU package and DRAM (obtained = attributed). */
    public static final String ATTRIBUTED_ENERGY_JOULES = "attributedEnergyJoules";
    public static final String PEAK_RSS_BYTES = "peakRssBytes";
    public static final String PEAK_HEAP_BYTES = "peakHeapBytes";
    public static final String JOULES_PER_SAMPLE = "joulesPerSample";
    public static final String JOULES_PER_GFLOP = "joulesPerGflop";
    public static final String GFLOPS_PER_SECOND = "gflopsPerSecond";

    private Metrics() {
    }

    /** Why a metric of a record has no value, or null when it has one. */
    public static String unavailableBecause(TrialRecord r, String name) {
        return r.metric(name).filter(m -> m.value() == null).map(Metric::reason).orElse(null);
    }

    /** The per-domain energy metric's name, e.g. {@code energyJoules.cpu-package}. */
    public static String domainEnergy(DomainRef domain) {
        return ENERGY_JOULES + "." + domain.name();
    }

    /**
     * Every metric of one trial. {@code meteringOff} is the reason energy metrics are missing when
     * {@code energy} is null.
     */
    public static List<Metric> of(TrialOutcome result, Double trainingSeconds, Double testSeconds,
                                  List<EpochRecord> epochs, EnergyRecord energy, String meteringOff,
                                  MemoryRecord memory) {
        List<Metric> m = new ArrayList<>();
        String notTrained = "the trial did not complete";
        m.add(result == null ? Metric.unavailable(TEST_ACCURACY, "test accuracy", "1", notTrained)
                : Metric.measured(TEST_ACCURACY, "test accuracy", result.testAccuracy(), "1"));
        m.add(result == null || result.testLoss() == null
                ? Metric.unavailable(TEST_LOSS, "test loss", "1", result == null ? notTrained : "not computed")
                : Metric.measured(TEST_LOSS, "test loss", result.testLoss(), "1"));
        m.add(Metric.measured(TRAINING_SECONDS, "training time", trainingSeconds, "s"));
        m.add(Metric.measured(TEST_SECONDS, "test time", testSeconds, "s"));
        EpochRecord last = epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
        m.add(result == null ? Metric.unavailable(EPOCHS, "epochs", "1", notTrained)
                : Metric.measured(EPOCHS, "epochs", (double) result.epochsRun(), "1"));
        m.add(last == null ? Metric.unavailable(DATA_PASSES, "data passes", "1", "no epoch finished")
                : Metric.measured(DATA_PASSES, "data passes", last.dataPasses(), "1"));
        Double flops = result != null ? result.flops() : last != null ? last.flops() : null;
        m.add(flops == null ? Metric.unavailable(FLOPS, "training FLOPs", "FLOP", "the trainer counts no FLOPs")
                : Metric.measured(FLOPS, "training FLOPs", flops, "FLOP"));
        addEnergy(m, energy, meteringOff, trainingSeconds, result, flops);
        m.add(memory == null || memory.peakRssBytes() == null
                ? Metric.unavailable(PEAK_RSS_BYTES, "peak RSS", "B", "not readable here")
                : Metric.measured(PEAK_RSS_BYTES, "peak RSS", memory.peakRssBytes().doubleValue(), "B"));
        m.add(memory == null || memory.peakHeapBytes() == null
                ? Metric.unavailable(PEAK_HEAP_BYTES, "peak heap", "B", "not readable here")
                : Metric.measured(PEAK_HEAP_BYTES, "peak heap", memory.peakHeapBytes().doubleValue(), "B"));
        if (flops != null && trainingSeconds != null && trainingSeconds > 0) {
            m.add(Metric.measured(GFLOPS_PER_SECOND, "achieved GFLOP/s", flops / 1e9 / trainingSeconds, "GFLOP/s"));
        }
        return m;
    }

    private static void addEnergy(List<Metric> m, EnergyRecord energy, String meteringOff, Double seconds,
                                  TrialOutcome result, Double flops) {
        if (energy == null) {
            for (String[] n : new String[][] {{ENERGY_JOULES, "energy", "J"}, {IDLE_JOULES, "idle energy", "J"},
                {NET_ENERGY_JOULES, "net energy", "J"}, {MEAN_POWER_WATTS, "mean power", "W"},
                {CO2E_GRAMS, "CO2e", "g"}}) {
                m.add(Metric.unavailable(n[0], n[1], n[2], meteringOff));
            }
            return;
        }
        Obtained how = obtained(energy);
        String qualifier = qualifier(energy);
        EnergyRecord.Totals t = energy.totals();
        m.add(energyMetric(ENERGY_JOULES, "energy (gross)", t.joules(), "J", how, qualifier, t.note()));
        m.add(energyMetric(IDLE_JOULES, "idle energy", t.idleJoules(), "J", how, qualifier,
                energy.idle() == null ? "no idle baseline (--idle 0)" : t.note()));
        m.add(energyMetric(NET_ENERGY_JOULES, "net energy", t.netJoules(), "J", how, qualifier,
                energy.idle() == null ? "no idle baseline (--idle 0)" : t.note()));
        Double watts = t.joules() == null || energy.windowSeconds() <= 0 ? null : t.joules() / energy.windowSeconds();
        m.add(energyMetric(MEAN_POWER_WATTS, "mean power", watts, "W", how, qualifier, t.note()));
        boolean process = "process".equals(energy.scope());
        m.add(energy.carbon() == null
                ? Metric.unavailable(CO2E_GRAMS, "CO2e", "g", energy.problems() != null ? energy.problems()
                        : "no energy figure to convert")
                : new Metric(CO2E_GRAMS, "CO2e", energy.carbon().gramsCO2e(), "g", Metric.MEAN,
                        process ? Obtained.ATTRIBUTED : how, process ? "scope process: of the attributed energy"
                        + (qualifier == null ? "" : "; " + qualifier) : qualifier));
        addAttributed(m, energy);
        for (DomainRecord d : energy.domains()) {
            m.add(d.joules() == null
                    ? Metric.unavailable(domainEnergy(d.domain()), "energy " + d.domain(), "J", d.reason())
                    : new Metric(domainEnergy(d.domain()), "energy " + d.domain(), d.joules(), "J", Metric.MEAN,
                            d.obtained(), d.reason()));
        }
        if (t.joules() != null && result != null && result.samplesSeen() > 0) {
            m.add(new Metric(JOULES_PER_SAMPLE, "energy per training sample", t.joules() / result.samplesSeen(),
                    "J", Metric.MEAN, how, qualifier));
        }
        if (t.joules() != null && flops != null && flops > 0) {
            m.add(new Metric(JOULES_PER_GFLOP, "energy per GFLOP", t.joules() / (flops / 1e9), "J/GFLOP",
                    Metric.MEAN, how, qualifier));
        }
    }

    /** The tree's attributed total and per-domain figures, beside the machine's (never in place of them). */
    private static void addAttributed(List<Metric> m, EnergyRecord energy) {
        EnergyRecord.Totals t = energy.attributedTotals();
        if (t == null) {
            m.add(Metric.unavailable(ATTRIBUTED_ENERGY_JOULES, "attributed energy", "J",
                    "not attributed (no process tree was metered, or the record predates attribution)"));
            return;
        }
        String basis = energy.attributed().stream().filter(a -> a.joules() != null)
                .map(a -> a.domain().name() + " of " + a.basis().name()).collect(Collectors.joining(", "));
        String qualifier = "share of the machine's " + (basis.isEmpty() ? "figures" : basis)
                + (t.note() == null ? "" : "; " + t.note());
        m.add(t.joules() == null ? Metric.unavailable(ATTRIBUTED_ENERGY_JOULES, "attributed energy", "J",
                t.note() == null ? "no attributed figure" : t.note())
                : new Metric(ATTRIBUTED_ENERGY_JOULES, "attributed energy", t.joules(), "J", Metric.MEAN,
                        Obtained.ATTRIBUTED, qualifier));
        for (EnergyRecord.AttributedRecord a : energy.attributed()) {
            String name = ATTRIBUTED_ENERGY_JOULES + "." + a.domain().name();
            m.add(a.joules() == null ? Metric.unavailable(name, "attributed energy " + a.domain(), "J", a.reason())
                    : new Metric(name, "attributed energy " + a.domain(), a.joules(), "J", Metric.MEAN,
                            Obtained.ATTRIBUTED, "share of " + a.basis().name() + " " + a.domain().name()));
        }
    }

    private static Metric energyMetric(String name, String label, Double value, String unit, Obtained how,
                                       String qualifier, String missingReason) {
        if (value == null) {
            return Metric.unavailable(name, label, unit, missingReason == null ? "no domain had a figure"
                    : missingReason);
        }
        return new Metric(name, label, value, unit, Metric.MEAN, how, qualifier);
    }

    /** Modelled when any summed domain is modelled; otherwise measured. */
    static Obtained obtained(EnergyRecord e) {
        List<DomainRecord> summed = e.domains().stream().filter(d -> d.domain().additive() && d.joules() != null)
                .toList();
        if (summed.isEmpty()) {
            return Obtained.UNAVAILABLE;
        }
        return summed.stream().anyMatch(d -> d.obtained() == Obtained.MODELLED) ? Obtained.MODELLED
                : Obtained.MEASURED;
    }

    /** Which summed domains are modelled or partial, and which are missing: the totals' caveats in one line. */
    static String qualifier(EnergyRecord e) {
        List<String> parts = new ArrayList<>();
        String modelled = e.domains().stream().filter(d -> d.domain().additive() && d.obtained() == Obtained.MODELLED)
                .map(d -> d.domain().name()).collect(Collectors.joining(", "));
        if (!modelled.isEmpty()) {
            parts.add("modelled: " + modelled);
        }
        String partial = e.domains().stream().filter(d -> d.domain().additive() && d.quality() == Quality.PARTIAL
                && d.joules() != null).map(d -> d.domain().name() + " (" + d.reason() + ")")
                .collect(Collectors.joining(", "));
        if (!partial.isEmpty()) {
            parts.add("partial: " + partial);
        }
        String missing = e.domains().stream().filter(d -> d.domain().additive() && d.joules() == null)
                .map(d -> d.domain().name() + " (" + d.reason() + ")").collect(Collectors.joining(", "));
        if (!missing.isEmpty()) {
            parts.add("left out: " + missing);
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }
}
