package io.joulebench.energy.meter;

import io.joulebench.energy.Domain;
import io.joulebench.energy.Method;
import io.joulebench.energy.Quality;
import io.joulebench.energy.process.CpuTimes;
import io.joulebench.energy.process.ProcReadException;
import io.joulebench.energy.process.ProcessTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the tree's and the machine's CPU time at every full sample of a session and splits the CPU package and
 * DRAM figures by it, interval by interval. Each CPU reading is paired with the sensor readings of the same
 * sample, so the attributed intervals tile exactly the span the machine figure covers. Not thread-safe: the
 * session serialises access.
 */
final class Attribution {
    /** One good CPU-time reading and, per track, how many good sensor readings there were by then. */
    private record Sample(long nanos, CpuTimes cpu, int[] trackN) {
    }

    private final ProcessTree tree;
    private final List<Sample> samples = new ArrayList<>();
    private int gaps;
    private String firstFailure;

    Attribution(ProcessTree tree) {
        this.tree = tree;
    }

    /** After the sensors of a full sample were read. */
    void sample(long nanos, List<Track> tracks) {
        CpuTimes cpu;
        try {
            cpu = tree.read();
        } catch (ProcReadException | RuntimeException e) {
            gaps++;
            firstFailure = firstFailure == null ? e.getMessage() : firstFailure;
            return;
        }
        int[] n = new int[tracks.size()];
        for (int i = 0; i < n.length; i++) {
            n[i] = tracks.get(i).n;
        }
        samples.add(new Sample(nanos, cpu, n));
    }

    /** Only the CPU package and DRAM are split by CPU time; GPUs have their own (unused here) per-process data. */
    static boolean attributable(Domain d) {
        return d.equals(Domain.CPU_PACKAGE) || d.equals(Domain.DRAM);
    }

    /** The attributed figure of each attributable track, given its whole-window machine figure. */
    List<AttributedEnergy> compute(List<Track> tracks, List<DomainEnergy> machine) {
        List<AttributedEnergy> out = new ArrayList<>();
        for (int i = 0; i < tracks.size(); i++) {
            if (attributable(tracks.get(i).sensor.domain())) {
                out.add(compute(i, tracks.get(i), machine.get(i)));
            }
        }
        return out;
    }

    private AttributedEnergy compute(int i, Track t, DomainEnergy m) {
        List<String> notes = new ArrayList<>();
        if (gaps > 0) {
            notes.add(gaps + " CPU-time reading(s) failed (" + firstFailure + "); the intervals around them were "
                    + "merged (CPU times are cumulative)");
        }
        if (m.joules() == null) {
            return unavailable(m, "no machine figure to attribute: " + m.reason(), notes);
        }
        if (samples.size() < 2) {
            return unavailable(m, firstFailure != null ? "CPU time unavailable: " + firstFailure
                    : "fewer than two CPU-time readings in the window", notes);
        }
        if (t.sensor.processScoped()) {
            // The model already ran on the tree's own load: taking a share of it again would count the share twice.
            notes.add("the model used the tree's own CPU load (--scope process): its figure is the tree's, no share "
                    + "applied");
            return new AttributedEnergy(m.domain(), tree.describe(), m.method(), m.quality(), m.joules(),
                    m.joules(), 1.0, null, samples.size() - 1, 0, m.reason(), notes);
        }
        double joules = 0;
        double covered = 0;
        long treeSum = 0;
        long busySum = 0;
        int capped = 0;
        int backwards = 0;
        for (int k = 1; k < samples.size(); k++) {
            Sample a = samples.get(k - 1);
            Sample b = samples.get(k);
            double dE = cum(t, b.trackN()[i]) - cum(t, a.trackN()[i]);
            long dT = b.cpu().treeTicks() - a.cpu().treeTicks();
            long dB = b.cpu().busyTicks() - a.cpu().busyTicks();
            double share = shareOf(a.cpu(), b.cpu());
            backwards += dT < 0 ? 1 : 0; // a descendant left the tree (reparented, or exited between reads)
            capped += dT > 0 && (dB <= 0 || dT > dB) ? 1 : 0;
            joules += share * dE;
            covered += dE;
            treeSum += Math.max(dT, 0);
            busySum += Math.max(dB, 0);
        }
        if (capped > 0) {
            notes.add(capped + " interval(s) with the tree's CPU time above the machine's busy time (tick skew "
                    + "between /proc files): share capped at 1");
        }
        if (backwards > 0) {
            notes.add(backwards + " interval(s) in which the tree's CPU time went down (a descendant left the tree "
                    + "or exited between reads): share 0 there");
        }
        Quality q = m.quality();
        String reason = m.reason();
        double missing = m.joules() - covered;
        if (missing > 1e-9 * Math.max(1, Math.abs(m.joules()))) {
            q = Quality.PARTIAL;
            reason = String.format(Locale.ROOT, "CPU times cover %.6f of the %.6f J machine figure (readings "
                    + "failed at the window's edge): the rest is not attributed", covered, m.joules())
                    + (reason == null ? "" : "; " + reason);
        }
        Double treeShare = busySum > 0 ? (double) treeSum / busySum : null;
        return new AttributedEnergy(m.domain(), tree.describe(), m.method(), q, joules, m.joules(),
                m.joules() != 0 ? joules / m.joules() : null, treeShare, samples.size() - 1, capped, reason, notes);
    }

    /** Cumulative joules of a track after its first {@code n} good readings (0 before any). */
    private static double cum(Track t, int n) {
        return n <= 0 ? 0.0 : t.cumUj[n - 1] / 1e6;
    }

    private AttributedEnergy unavailable(DomainEnergy m, String reason, List<String> notes) {
        return new AttributedEnergy(m.domain(), tree.describe(), Method.UNAVAILABLE, Quality.UNAVAILABLE, null,
                m.joules(), null, null, Math.max(0, samples.size() - 1), 0, reason, notes);
    }

    /** The attributed cumulative energy at every CPU reading, per attributable track (for time-resolved carbon). */
    List<PowerTrace.DomainTrace> trace(List<Track> tracks, List<AttributedEnergy> figures, long t0) {
        List<PowerTrace.DomainTrace> out = new ArrayList<>();
        int f = 0;
        for (int i = 0; i < tracks.size(); i++) {
            Track t = tracks.get(i);
            if (!attributable(t.sensor.domain())) {
                continue;
            }
            AttributedEnergy a = figures.get(f++);
            if (a.joules() == null) {
                continue;
            }
            List<PowerTrace.Point> pts = new ArrayList<>();
            double cum = 0;
            for (int k = 0; k < samples.size(); k++) {
                Sample b = samples.get(k);
                Double watts = null;
                if (k > 0) {
                    Sample s = samples.get(k - 1);
                    double dE = cum(t, b.trackN()[i]) - cum(t, s.trackN()[i]);
                    double part = t.sensor.processScoped() ? dE : dE * shareOf(s.cpu(), b.cpu());
                    cum += part;
                    double dt = (b.nanos() - s.nanos()) / 1e9;
                    watts = dt > 0 ? part / dt : null;
                }
                pts.add(new PowerTrace.Point((b.nanos() - t0) / 1e9, watts, cum));
            }
            out.add(new PowerTrace.DomainTrace(t.sensor.domain().id(), a.basis(), pts));
        }
        return out;
    }

    /** Tree / busy ticks in one interval: 0 for an idle tree, capped at 1 (tick skew between /proc files). */
    private static double shareOf(CpuTimes a, CpuTimes b) {
        long dT = b.treeTicks() - a.treeTicks();
        long dB = b.busyTicks() - a.busyTicks();
        return dT <= 0 ? 0 : dB <= 0 || dT > dB ? 1 : (double) dT / dB;
    }
}
