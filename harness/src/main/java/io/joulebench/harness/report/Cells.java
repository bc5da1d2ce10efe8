package io.joulebench.harness.report;

import io.joulebench.harness.result.Obtained;
import io.joulebench.harness.stats.RatioComparison;
import io.joulebench.reports.model.Cell;
import io.joulebench.reports.model.Interval;

/** Harness figures as report cells: how obtained carried over, a missing figure n/a with its reason. */
final class Cells {
    private Cells() {
    }

    static io.joulebench.reports.model.Obtained obtained(Obtained o) {
        return switch (o) {
            case MEASURED -> io.joulebench.reports.model.Obtained.MEASURED;
            case MODELLED -> io.joulebench.reports.model.Obtained.MODELLED;
            case ATTRIBUTED -> io.joulebench.reports.model.Obtained.ATTRIBUTED;
            case UNAVAILABLE -> io.joulebench.reports.model.Obtained.UNAVAILABLE;
        };
    }

    static Interval interval(io.joulebench.harness.stats.Interval i) {
        return i == null ? null : new Interval(i.lower(), i.upper());
    }

    /** A value with how it was obtained; a modelled value keeps its note (the reports mark it). */
    static Cell value(double v, String unit, int decimals, Obtained how, String note) {
        return switch (how) {
            case MEASURED -> Cell.measured(v, unit, decimals);
            case MODELLED -> Cell.modelled(v, unit, decimals, note == null ? "modelled" : note);
            case ATTRIBUTED -> Cell.attributed(v, unit, decimals, note == null ? "attributed" : note);
            case UNAVAILABLE -> throw new IllegalArgumentException("an unavailable value has no number");
        };
    }

    /** The arm's mean of a metric scaled, with sd and n, or n/a with the reason. */
    static Cell mean(ReportInputs.Stat s, double scale, String unit, int decimals, boolean withInterval) {
        if (s == null || s.summary() == null) {
            return Cell.unavailable(s == null ? "not recorded" : s.reason());
        }
        Cell c = value(s.summary().mean() * scale, unit, decimals, s.obtained(), s.reason());
        if (s.summary().n() > 1) {
            c = c.withSpread(s.summary().sd() * Math.abs(scale), s.summary().n());
        }
        if (withInterval && s.summary().ci95() != null) {
            c = c.withInterval(s.summary().ci95().lower() * scale, s.summary().ci95().upper() * scale);
        }
        return c;
    }

    /** A ratio with its primary interval, or n/a with why. */
    static Cell ratio(RatioComparison r, Obtained how, String note, String whyMissing) {
        if (r == null) {
            return Cell.unavailable(whyMissing == null ? "no values to compare" : whyMissing);
        }
        if (r.ratio() == null) {
            return Cell.unavailable(r.intervalMissing());
        }
        Cell c = value(r.ratio(), "", 3, how, note);
        return r.interval() == null ? c : c.withInterval(interval(r.interval()));
    }

    /** Text, or n/a with the reason when there is none. */
    static Cell text(String s, String whyMissing) {
        return s == null || s.isBlank() ? Cell.unavailable(whyMissing) : Cell.text(s);
    }

    static String verdict(RatioComparison r) {
        if (r == null) {
            return null;
        }
        String v = switch (r.verdict()) {
            case CHEAPER -> "cheaper";
            case COSTLIER -> "costlier";
            case NO_DETECTABLE_DIFFERENCE -> "no detectable difference";
        };
        return r.interval() == null ? v + " (" + r.intervalMissing() + ")" : v;
    }
}
