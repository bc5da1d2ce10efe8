package io.joulebench.reports.table;

import io.joulebench.reports.model.Cell;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Locale-free number text: ASCII digits, '.' as decimal point, no grouping, never "-0". */
public final class Numbers {
    private Numbers() {
    }

    public static String fixed(double value, int decimals) {
        // BigDecimal rather than String.format: no Locale can creep in, and HALF_EVEN is stable across JDKs.
        String s = new BigDecimal(Double.toString(value)).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        return s.startsWith("-") && isZero(s) ? s.substring(1) : s;
    }

    /** Full precision, for machine-readable files; plain notation (no exponent). */
    public static String plain(double value) {
        String s = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    private static boolean isZero(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '1' && c <= '9') {
                return false;
            }
        }
        return true;
    }

    /** The value part of a numeric cell: "0.912 ± 0.004 (n=5) [0.905, 0.919]" as far as the cell has them. */
    public static String cellValue(Cell c, String plusMinus) {
        StringBuilder sb = new StringBuilder(fixed(c.number(), c.decimals()));
        if (c.sd() != null) {
            sb.append(plusMinus).append(fixed(c.sd(), c.decimals()));
        }
        if (c.n() != null) {
            sb.append(" (n=").append(c.n()).append(')');
        }
        if (c.interval() != null) {
            sb.append(" [").append(fixed(c.interval().lo(), c.decimals())).append(", ")
                    .append(fixed(c.interval().hi(), c.decimals())).append(']');
        }
        return sb.toString();
    }
}
