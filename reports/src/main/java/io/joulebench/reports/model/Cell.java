package io.joulebench.reports.model;

import java.util.Objects;

/**
 * One table cell: a number (with unit, decimals, optional interval or sd and n) or a text, how it was obtained,
 * and the reason when it is unavailable. A missing number is never stored as 0: it is an UNAVAILABLE cell.
 *
 * @param number   the value, or null for text and unavailable cells
 * @param text     the text, or null for numeric and unavailable cells
 * @param unit     the unit of number (may be empty); shown by the column header, kept here for JSON
 * @param decimals digits after the decimal point when formatting number
 * @param interval optional interval around number (e.g. 95 % CI)
 * @param sd       optional standard deviation, shown as "mean ± sd"
 * @param n        optional sample size, shown as "(n=5)"
 * @param obtained how the number was obtained
 * @param reason   why it is unavailable, or the model's note for MODELLED/ATTRIBUTED (may be null then)
 */
public record Cell(Double number, String text, String unit, int decimals, Interval interval, Double sd, Integer n,
                   Obtained obtained, String reason) {

    public Cell {
        unit = unit == null ? "" : unit;
        Objects.requireNonNull(obtained, "obtained");
        if (decimals < 0 || decimals > 12) {
            throw new IllegalArgumentException("decimals out of range: " + decimals);
        }
        if (number != null && !Double.isFinite(number)) {
            throw new IllegalArgumentException("a non-finite value is unavailable, not a number: " + number);
        }
        if (sd != null && (!Double.isFinite(sd) || sd < 0)) {
            throw new IllegalArgumentException("sd must be finite and >= 0: " + sd);
        }
        if (n != null && n < 0) {
            throw new IllegalArgumentException("n must be >= 0: " + n);
        }
        if (obtained == Obtained.UNAVAILABLE) {
            if (number != null || text != null) {
                throw new IllegalArgumentException("an unavailable cell has no value");
            }
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("an unavailable cell needs its reason");
            }
        } else if ((number == null) == (text == null)) {
            throw new IllegalArgumentException("a cell holds exactly one of number and text");
        }
    }

    public static Cell measured(double value, String unit, int decimals) {
        return new Cell(value, null, unit, decimals, null, null, null, Obtained.MEASURED, null);
    }

    public static Cell modelled(double value, String unit, int decimals, String how) {
        return new Cell(value, null, unit, decimals, null, null, null, Obtained.MODELLED, how);
    }

    public static Cell attributed(double value, String unit, int decimals, String how) {
        return new Cell(value, null, unit, decimals, null, null, null, Obtained.ATTRIBUTED, how);
    }

    public static Cell text(String text) {
        return new Cell(null, Objects.requireNonNull(text, "text"), "", 0, null, null, null, Obtained.MEASURED, null);
    }

    public static Cell unavailable(String reason) {
        return new Cell(null, null, "", 0, null, null, null, Obtained.UNAVAILABLE, reason);
    }

    public Cell withInterval(Interval interval) {
        requireNumber("interval");
        return new Cell(number, text, unit, decimals, interval, sd, n, obtained, reason);
    }

    public Cell withInterval(double lo, double hi) {
        return withInterval(new Interval(lo, hi));
    }

    public Cell withSpread(double sd, int n) {
        requireNumber("sd");
        return new Cell(number, text, unit, decimals, interval, sd, n, obtained, reason);
    }

    public Cell withObtained(Obtained how, String why) {
        return new Cell(number, text, unit, decimals, interval, sd, n, how, why);
    }

    public boolean isAvailable() {
        return obtained != Obtained.UNAVAILABLE;
    }

    /** True where the figure must carry a mark (modelled or attributed rather than measured). */
    public boolean isMarked() {
        return obtained == Obtained.MODELLED || obtained == Obtained.ATTRIBUTED;
    }

    private void requireNumber(String what) {
        if (number == null) {
            throw new IllegalStateException(what + " applies to numeric cells only");
        }
    }
}
