package io.joulebench.harness.suite;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/** Seed lists: {@code 1,2,3}, {@code 1..5}, or both mixed; a repeated seed is refused (repetitions are explicit). */
public final class Seeds {
    /** The most trials of one arm a list may ask for: beyond it a typo such as 1..100000 is likelier. */
    static final int MAX = 10_000;

    private Seeds() {
    }

    public static List<Long> parse(String text) {
        List<Long> seeds = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                throw new IllegalArgumentException("'" + text + "' has an empty item; write e.g. 1,2,3 or 1..5");
            }
            Matcher m = SuiteLoader.range(p);
            long from;
            long to;
            try {
                if (m.matches()) {
                    from = Long.parseLong(m.group(1));
                    to = Long.parseLong(m.group(2));
                } else {
                    from = to = Long.parseLong(p);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + p + "' is not a seed; write e.g. 1,2,3 or 1..5");
            }
            if (to < from || to - from >= MAX) {
                throw new IllegalArgumentException("range '" + p + "' must run upwards over at most " + MAX
                        + " seeds");
            }
            for (long s = from; s <= to; s++) {
                if (!seen.add(s)) {
                    throw new IllegalArgumentException("seed " + s + " is given twice; each seed is one paired trial"
                            + " (use repetitions to repeat a seed)");
                }
                seeds.add(s);
            }
        }
        if (seeds.size() > MAX) {
            throw new IllegalArgumentException("more than " + MAX + " seeds");
        }
        return seeds;
    }
}
