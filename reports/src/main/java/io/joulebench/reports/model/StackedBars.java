package io.joulebench.reports.model;

import java.util.List;
import java.util.Objects;

/** Stacked bars: one bar per category (arm), one layer per stack (domain, idle vs active). */
public record StackedBars(String id, String title, String categoryLabel, Axis y, List<String> categories,
                         List<BarStack> stacks) implements Chart {
    public StackedBars {
        Ids.check(id);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(categoryLabel, "categoryLabel");
        Objects.requireNonNull(y, "y");
        categories = List.copyOf(categories);
        stacks = List.copyOf(stacks);
        for (BarStack s : stacks) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("stack " + s.name() + " has " + s.values().size()
                        + " values for " + categories.size() + " categories");
            }
        }
    }
}
