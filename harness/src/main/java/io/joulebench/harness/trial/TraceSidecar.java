package io.joulebench.harness.trial;

import io.joulebench.energy.meter.PowerTrace;
import io.joulebench.harness.results.DurableJsonl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A trial's power trace as a CSV sidecar beside results.jsonl ({@code traces/KEY.csv}, the meter's own CSV
 * format), downsampled to at most {@value #MAX_POINTS} points per domain so a long trial stays small.
 */
public final class TraceSidecar {
    public static final int MAX_POINTS = 2000;
    public static final String FOLDER = "traces";

    private TraceSidecar() {
    }

    /** Writes the trace atomically under {@code resultsFolder} and returns its path relative to that folder. */
    public static String write(PowerTrace trace, Path resultsFolder, String key) {
        String relative = FOLDER + "/" + key + ".csv";
        StringBuilder csv = new StringBuilder();
        try {
            downsampled(trace, MAX_POINTS).writeCsv(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        DurableJsonl.writeAtomically(resultsFolder.resolve(relative), csv.toString().getBytes(StandardCharsets.UTF_8));
        return relative;
    }

    /**
     * At most maxPoints per domain: the points split into buckets in order, each keeping its lowest and highest
     * power (in time order), so peaks and dips survive where plain striding would drop them.
     */
    public static PowerTrace downsampled(PowerTrace trace, int maxPoints) {
        List<PowerTrace.DomainTrace> out = new ArrayList<>();
        for (PowerTrace.DomainTrace d : trace.domains()) {
            List<PowerTrace.Point> pts = d.points();
            if (pts.size() <= maxPoints) {
                out.add(d);
                continue;
            }
            int buckets = maxPoints / 2;
            List<PowerTrace.Point> kept = new ArrayList<>(maxPoints);
            for (int b = 0; b < buckets; b++) {
                int from = (int) ((long) b * pts.size() / buckets);
                int to = (int) ((long) (b + 1) * pts.size() / buckets);
                int lo = -1;
                int hi = -1;
                for (int i = from; i < to; i++) {
                    Double w = pts.get(i).watts();
                    if (w == null) {
                        continue; // a counter's first point has no power: it ranks as neither low nor high
                    }
                    if (lo < 0 || w < pts.get(lo).watts()) {
                        lo = i;
                    }
                    if (hi < 0 || w > pts.get(hi).watts()) {
                        hi = i;
                    }
                }
                if (lo < 0) {
                    kept.add(pts.get(from));
                    continue;
                }
                kept.add(pts.get(Math.min(lo, hi)));
                if (lo != hi) {
                    kept.add(pts.get(Math.max(lo, hi)));
                }
            }
            out.add(new PowerTrace.DomainTrace(d.domain(), d.method(), kept));
        }
        return new PowerTrace(trace.startedAt(), out);
    }
}
