package io.joulebench.harness.report;

import io.joulebench.harness.result.EnergyRecord;
import io.joulebench.harness.result.EpochRecord;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.reports.model.Axis;
import io.joulebench.reports.model.Block;
import io.joulebench.reports.model.Interval;
import io.joulebench.reports.model.LinePlot;
import io.joulebench.reports.model.Marker;
import io.joulebench.reports.model.Note;
import io.joulebench.reports.model.Point;
import io.joulebench.reports.model.Section;
import io.joulebench.reports.model.SectionKind;
import io.joulebench.reports.model.Series;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Power timelines from the trace sidecars, and learning curves from the epochs. */
final class TimelineSections {
    /** Timelines drawn: one per arm, at most this many, so a 1 000-trial report stays small. */
    static final int MAX_TIMELINES = 8;
    /** Points per drawn line (the sidecar keeps up to 2 000 per domain). */
    static final int CHART_POINTS = 400;
    /** Trials per arm drawn as learning curves. */
    static final int CURVES_PER_ARM = 5;

    private TimelineSections() {
    }

    static Section power(TrialSelection s) {
        List<Block> blocks = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        int withoutTrace = 0;
        int notDrawn = 0;
        for (Arm a : s.arms()) {
            boolean drawn = false;
            for (Arm.Selected t : a.trials()) {
                TrialRecord r = t.record();
                if (r.trace() == null) {
                    withoutTrace++;
                    continue;
                }
                if (drawn || blocks.size() >= MAX_TIMELINES) {
                    notDrawn++;
                    continue;
                }
                try {
                    Path file = t.folder().resolve(r.trace()).normalize();
                    if (!file.startsWith(t.folder().normalize())) {
                        throw new IOException("it points outside the results folder");
                    }
                    blocks.add(timeline(blocks.size(), a.name(), r, TraceFile.read(file)));
                    drawn = true;
                } catch (IOException | RuntimeException e) {
                    notes.add(Note.warning(a.name() + " seed " + r.spec().seed() + ": trace " + r.trace()
                            + " unreadable (" + e.getMessage() + ")"));
                }
            }
        }
        if (withoutTrace > 0) {
            notes.add(Note.info(withoutTrace + " trial(s) have no power trace: recorded before traces were kept,"
                    + " or not metered (--no-energy)."));
        }
        if (notDrawn > 0) {
            notes.add(Note.info(notDrawn + " further trace(s) not drawn (one per arm is shown); they are the"
                    + " traces/*.csv files beside results.jsonl."));
        }
        if (blocks.isEmpty()) {
            return new Section(SectionKind.POWER, List.of(), notes, "no trial has a readable power trace");
        }
        return Section.of(SectionKind.POWER, blocks, notes);
    }

    private static LinePlot timeline(int index, String arm, TrialRecord r, Map<String, List<TraceFile.Reading>> trace) {
        List<Series> lines = new ArrayList<>();
        trace.forEach((domain, readings) -> lines.add(new Series(domain, domain, readings.stream()
                .map(p -> Point.of(p.seconds(), p.watts())).toList()).downsampled(CHART_POINTS)));
        List<Marker> epochs = new ArrayList<>();
        List<Marker> idle = new ArrayList<>();
        Interval window = null;
        EnergyRecord e = r.energy();
        if (e != null) {
            for (EnergyRecord.PhaseRecord p : e.phases()) {
                if (p.epoch() > 0) {
                    epochs.add(new Marker(p.stage() + " " + p.epoch(), p.startSeconds()));
                }
            }
            if (e.idle() != null) {
                for (EnergyRecord.IdleDomain d : e.idle().domains()) {
                    if (d.watts() != null) {
                        idle.add(new Marker("idle " + d.domain().name(), d.watts()));
                    }
                }
            }
            window = e.windowSeconds() > 0 ? new Interval(0, e.windowSeconds()) : null;
        }
        return new LinePlot("power-" + index, String.format(Locale.ROOT, "Power of %s, seed %d", arm,
                r.spec().seed()), Axis.of("time since the window opened", "s"), Axis.of("power", "W"), lines,
                epochs, idle, window, window == null ? null : "training window");
    }

    static Section learning(TrialSelection s) {
        List<Series> byEnergy = new ArrayList<>();
        List<Series> byTime = new ArrayList<>();
        int noEnergy = 0;
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Arm a : s.arms()) {
            for (TrialRecord r : a.records().subList(0, Math.min(CURVES_PER_ARM, a.n()))) {
                List<Point> e = new ArrayList<>();
                List<Point> t = new ArrayList<>();
                double joules = 0;
                double seconds = 0;
                boolean energyComplete = true;
                for (EpochRecord ep : r.epochs()) {
                    seconds += ep.seconds();
                    energyComplete &= ep.joules() != null;
                    joules += ep.joules() == null ? 0 : ep.joules();
                    if (ep.validationAccuracy() == null) {
                        continue;
                    }
                    t.add(Point.of(seconds, ep.validationAccuracy() * 100));
                    if (energyComplete) {
                        e.add(Point.of(joules / 1e3, ep.validationAccuracy() * 100));
                    }
                }
                // Chart series need distinct names: one arm may hold several trials of a seed (other settings).
                String name = a.name() + " seed " + r.spec().seed();
                for (int k = 2; !names.add(name); k++) {
                    name = a.name() + " seed " + r.spec().seed() + " #" + k;
                }
                if (!t.isEmpty()) {
                    byTime.add(new Series(name, a.name(), t));
                }
                if (!e.isEmpty() && energyComplete) {
                    byEnergy.add(new Series(name, a.name(), e));
                } else if (!t.isEmpty()) {
                    noEnergy++;
                }
            }
        }
        List<Block> blocks = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        if (!byEnergy.isEmpty()) {
            blocks.add(LinePlot.of("learning-energy", "Validation accuracy against cumulative epoch energy",
                    Axis.of("cumulative epoch energy", "kJ"), Axis.of("validation accuracy", "%"), byEnergy));
        }
        if (noEnergy > 0) {
            notes.add(Note.info(noEnergy + " trial(s) have no per-epoch energy (not metered): drawn against time"
                    + " only."));
        }
        if (!byTime.isEmpty()) {
            blocks.add(LinePlot.of("learning-time", "Validation accuracy against cumulative epoch time",
                    Axis.of("cumulative epoch time", "s"), Axis.of("validation accuracy", "%"), byTime));
        }
        if (blocks.isEmpty()) {
            return new Section(SectionKind.LEARNING, List.of(), notes, "no epoch with a validation accuracy");
        }
        notes.add(Note.info("At most " + CURVES_PER_ARM + " trials per arm are drawn."));
        return Section.of(SectionKind.LEARNING, blocks, notes);
    }
}
