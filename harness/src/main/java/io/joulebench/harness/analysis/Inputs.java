package io.joulebench.harness.analysis;

import io.joulebench.harness.result.Obtained;
import io.joulebench.harness.stats.Pairing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One metric's values of X and Y, ready for a comparison: paired values share an index. Missing values are left out
 * (with a note), never replaced.
 *
 * @param x        X's values, or null when there is nothing to compare (see {@code missing})
 * @param y        Y's values, or null
 * @param pairing  as the comparison decided
 * @param missing  why there is no comparison, else null
 * @param modelled whether any value used is modelled
 * @param notes    what was left out and why
 */
record Inputs(double[] x, double[] y, Pairing pairing, String missing, boolean modelled, List<String> notes) {

    static Inputs of(List<Observation> xs, List<Observation> ys, Pairing pairing) {
        List<String> notes = new ArrayList<>();
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        boolean modelled = false;
        if (pairing == Pairing.PAIRED) {
            Map<String, Observation> byKey = new HashMap<>();
            ys.forEach(o -> byKey.put(o.pairKey(), o));
            Map<String, Integer> dropped = new LinkedHashMap<>();
            for (Observation ox : xs) {
                Observation oy = byKey.get(ox.pairKey());
                if (ox.value() == null || oy == null || oy.value() == null) {
                    Observation gone = ox.value() == null ? ox : oy;
                    String why = gone == null ? "no baseline trial" : gone.reason();
                    dropped.merge((gone == ox ? "arm: " : "baseline: ") + why, 1, Integer::sum);
                    continue;
                }
                x.add(ox.value());
                y.add(oy.value());
                modelled |= ox.obtained() == Obtained.MODELLED || oy.obtained() == Obtained.MODELLED;
            }
            if (!dropped.isEmpty()) {
                notes.add(dropped.values().stream().mapToInt(Integer::intValue).sum()
                        + " pair(s) left out, a value missing: " + join(dropped));
            }
        } else {
            modelled = collect(xs, x, "arm", notes) | collect(ys, y, "baseline", notes);
        }
        if (x.isEmpty() || y.isEmpty()) {
            String why = notes.isEmpty() ? "no values" : "no values to compare (" + String.join("; ", notes) + ")";
            return new Inputs(null, null, pairing, why, modelled, notes);
        }
        return new Inputs(toArray(x), toArray(y), pairing, null, modelled, notes);
    }

    private static boolean collect(List<Observation> obs, List<Double> into, String who, List<String> notes) {
        Map<String, Integer> dropped = new LinkedHashMap<>();
        boolean modelled = false;
        for (Observation o : obs) {
            if (o.value() == null) {
                dropped.merge(o.reason(), 1, Integer::sum);
            } else {
                into.add(o.value());
                modelled |= o.obtained() == Obtained.MODELLED;
            }
        }
        if (!dropped.isEmpty()) {
            notes.add(who + ": " + dropped.values().stream().mapToInt(Integer::intValue).sum()
                    + " value(s) missing: " + join(dropped));
        }
        return modelled;
    }

    private static String join(Map<String, Integer> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((r, c) -> parts.add(r + " (" + c + ")"));
        return String.join("; ", parts);
    }

    static double[] toArray(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Percent from fractions, for accuracy. */
    Inputs percent() {
        if (x == null) {
            return this;
        }
        double[] px = x.clone();
        double[] py = y.clone();
        for (int i = 0; i < px.length; i++) {
            px[i] *= 100;
        }
        for (int i = 0; i < py.length; i++) {
            py[i] *= 100;
        }
        return new Inputs(px, py, pairing, missing, modelled, notes);
    }
}
