package io.joulebench.energy.jmh;

import io.joulebench.energy.Domain;
import io.joulebench.energy.Method;
import io.joulebench.energy.Quality;
import io.joulebench.energy.meter.DomainEnergy;
import io.joulebench.energy.meter.EnergyReport;
import io.joulebench.energy.meter.MeteringSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Turns one iteration's {@link EnergyReport} into JMH secondary results. Labels depend only on the domain and on how
 * its sensor measures (never on how one iteration went), so every iteration yields the same labels and JMH's
 * averaging sees a NaN for a failed iteration instead of silently averaging fewer of them.
 */
final class EnergyResults {

    /** Unit of the per-operation energy. */
    static final String J_PER_OP = "J/op";
    /** Unit of the mean power. */
    static final String WATTS = "W";
    /** Label suffix of a modelled figure: an estimate is never shown under a measurement's name. */
    static final String MODELLED_SUFFIX = ".modelled";

    private EnergyResults() {
    }

    /**
     * What one iteration yields.
     *
     * @param results  energy.* (J/op) and power.* (W) per domain, then the totals
     * @param problems per domain, why its figure is missing (NaN) or partial; the caller prints each once
     * @param shortWindows per domain, why the window is too short for its counter; the caller warns once
     */
    record Outcome(List<ScalarResult> results, Map<String, String> problems, Map<String, String> shortWindows) {
    }

    /** A domain to report and how its sensor measures it (fixed for the meter's life). */
    record Reported(Domain domain, Method method) {
        String suffix() {
            return method == Method.MODELLED ? MODELLED_SUFFIX : "";
        }
    }

    /**
     * Maps a report to results.
     *
     * @param report   the iteration's report; null when metering failed (every figure NaN)
     * @param reported the domains to report
     * @param ops      the iteration's operations ({@code IterationResultMetaData#getAllOps})
     * @param failure  why there is no report, when report is null
     */
    static Outcome of(EnergyReport report, List<Reported> reported, long ops, String failure) {
        List<ScalarResult> results = new ArrayList<>();
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, String> shortWindows = new LinkedHashMap<>();
        double totalJ = 0;
        double totalW = 0;
        int additive = 0;
        boolean totalMissing = false;
        boolean totalModelled = false;
        for (Reported r : reported) {
            String id = r.domain().id();
            DomainEnergy d = report == null ? null : report.domain(id).orElse(null);
            double joules = Double.NaN;
            double watts = Double.NaN;
            if (d == null) {
                problems.put(id, report == null ? failure : "not in the meter's report");
            } else if (d.joules() == null) {
                problems.put(id, d.reason() == null ? "no figure (" + d.quality() + ")" : d.reason());
            } else {
                joules = d.joules();
                watts = d.averageWatts() == null ? Double.NaN : d.averageWatts();
                if (d.quality() == Quality.PARTIAL) {
                    problems.put(id, "PARTIAL figure: " + d.reason());
                }
                String s = shortWindow(d);
                if (s != null) {
                    shortWindows.put(id, s);
                }
            }
            double perOp = ops > 0 ? joules / ops : Double.NaN;
            results.add(new ScalarResult("energy." + id + r.suffix(), perOp, J_PER_OP, AggregationPolicy.AVG));
            results.add(new ScalarResult("power." + id + r.suffix(), watts, WATTS, AggregationPolicy.AVG));
            if (r.domain().additive()) {
                additive++;
                totalModelled |= r.method() == Method.MODELLED;
                totalMissing |= Double.isNaN(joules) || Double.isNaN(watts);
                totalJ += joules;
                totalW += watts;
            }
        }
        if (additive > 1) { // with one additive domain the total would repeat it
            String suffix = totalModelled ? MODELLED_SUFFIX : "";
            double j = totalMissing || ops <= 0 ? Double.NaN : totalJ / ops;
            double w = totalMissing ? Double.NaN : totalW;
            results.add(new ScalarResult("energy.total" + suffix, j, J_PER_OP, AggregationPolicy.AVG));
            results.add(new ScalarResult("power.total" + suffix, w, WATTS, AggregationPolicy.AVG));
        }
        return new Outcome(results, problems, shortWindows);
    }

    /**
     * Why a counter's window is shorter than {@link MeteringSession#MIN_COUNTER_UPDATES} updates, or null: the
     * updates it spans are the window over the detected update period, else the changes the sampler saw.
     */
    static String shortWindow(DomainEnergy d) {
        if (d.method() == Method.MODELLED || d.counterUpdates() == null) {
            return null;
        }
        double updates = d.updatePeriodMillis() != null && d.updatePeriodMillis() > 0
                ? d.coveredSeconds() * 1000 / d.updatePeriodMillis() : d.counterUpdates();
        if (updates >= MeteringSession.MIN_COUNTER_UPDATES) {
            return null;
        }
        return String.format(Locale.ROOT, "iteration of %.3f s spans about %.0f counter updates (< %d%s): the "
                        + "counter's quantisation dominates; use longer iterations (-r)", d.coveredSeconds(), updates,
                MeteringSession.MIN_COUNTER_UPDATES, d.updatePeriodMillis() == null ? ""
                        : String.format(Locale.ROOT, ", one every %.1f ms", d.updatePeriodMillis()));
    }
}
