package io.joulebench.energy.carbon;

import io.joulebench.energy.ShippedTable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The shipped table {@code grid-intensity.csv}: annual gCO2e/kWh per country and a world default. */
public final class CarbonIntensityTable {

    /** The resource. */
    public static final String RESOURCE = "/io/joulebench/energy/carbon/grid-intensity.csv";
    /** Code of the world row. */
    public static final String WORLD = "WORLD";

    private final List<GridIntensity> rows;

    private CarbonIntensityTable(List<GridIntensity> rows) {
        this.rows = List.copyOf(rows);
    }

    /** Loads the shipped table. */
    public static CarbonIntensityTable load() {
        return ShippedTable.load(CarbonIntensityTable.class, RESOURCE, CarbonIntensityTable::parse);
    }

    static CarbonIntensityTable parse(InputStream in) throws IOException {
        List<GridIntensity> out = new ArrayList<>();
        for (String[] f : ShippedTable.rows(in, 6, "intensity")) {
            out.add(new GridIntensity(f[0], f[1], f[2], Double.parseDouble(f[3]), Integer.parseInt(f[4]), f[5]));
        }
        return new CarbonIntensityTable(out);
    }

    /** Every row. */
    public List<GridIntensity> rows() {
        return rows;
    }

    /** A row by ISO alpha-2 or alpha-3 code (case-insensitive), or {@value #WORLD}. */
    public Optional<GridIntensity> find(String code) {
        String c = code.trim().toUpperCase(Locale.ROOT);
        return rows.stream().filter(g -> g.alpha2().equals(c) || g.alpha3().equals(c)).findFirst();
    }

    /** The row for {@code code}, the world row when {@code code} is null. */
    public GridIntensity require(String code) throws CarbonException {
        String c = code == null || code.isBlank() ? WORLD : code;
        return find(c).orElseThrow(() -> new CarbonException("unknown region '" + code + "': use an ISO 3166 "
                + "alpha-2/alpha-3 code from the shipped table (e.g. POL, DEU, USA) or WORLD"));
    }

    /** The world average row. */
    public GridIntensity world() {
        return find(WORLD).orElseThrow(() -> new IllegalStateException("table has no WORLD row"));
    }
}
