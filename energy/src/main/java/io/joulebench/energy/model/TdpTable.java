package io.joulebench.energy.model;

import io.joulebench.energy.ShippedTable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * CPU thermal design power by model-name pattern, from the shipped {@code cpu-tdp.csv} (columns: regex pattern,
 * TDP in watts per package, source). First matching row wins. For an unknown CPU the fallback is
 * {@value #WATTS_PER_THREAD_FALLBACK} W per hardware thread.
 */
public final class TdpTable {

    /** Watts per logical CPU assumed for an unknown model. */
    public static final double WATTS_PER_THREAD_FALLBACK = 4.0;
    /** The resource. */
    public static final String RESOURCE = "/io/joulebench/energy/model/cpu-tdp.csv";

    /** One row. */
    public record Entry(Pattern pattern, double tdpWatts, String source) {
    }

    /** Result of a lookup. */
    public record Tdp(double watts, String basis) {
    }

    private final List<Entry> entries;

    private TdpTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Loads the shipped table. */
    public static TdpTable load() {
        return ShippedTable.load(TdpTable.class, RESOURCE, TdpTable::parse);
    }

    static TdpTable parse(InputStream in) throws IOException {
        List<Entry> out = new ArrayList<>();
        for (String[] f : ShippedTable.rows(in, 3, "TDP")) {
            out.add(new Entry(Pattern.compile(f[0], Pattern.CASE_INSENSITIVE), Double.parseDouble(f[1]), f[2]));
        }
        return new TdpTable(out);
    }

    /** The entries, in order. */
    public List<Entry> entries() {
        return entries;
    }

    /** The first row whose pattern occurs in {@code cpuModel}. */
    public Optional<Entry> find(String cpuModel) {
        return entries.stream().filter(e -> e.pattern().matcher(cpuModel).find()).findFirst();
    }

    /** TDP of all packages: table value x packages, else the per-thread fallback. */
    public Tdp tdp(String cpuModel, int packages, int logicalCpus) {
        Optional<Entry> e = find(cpuModel);
        if (e.isPresent()) {
            return new Tdp(e.get().tdpWatts() * Math.max(1, packages), String.format(Locale.ROOT,
                    "TDP %.0f W x %d package(s) for '%s' (%s)", e.get().tdpWatts(), Math.max(1, packages), cpuModel,
                    e.get().source()));
        }
        return new Tdp(WATTS_PER_THREAD_FALLBACK * logicalCpus, String.format(Locale.ROOT,
                "'%s' not in the TDP table: %.0f W per hardware thread x %d threads", cpuModel,
                WATTS_PER_THREAD_FALLBACK, logicalCpus));
    }
}
