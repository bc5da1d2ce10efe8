package io.joulebench.energy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the small CSV tables shipped as resources (TDP, grid intensity): '#' comment and blank lines skipped, one
 * header row, then rows of a fixed number of fields; the last field takes the rest of the line, commas included.
 */
public final class ShippedTable {
    private ShippedTable() {
    }

    /** Opens a resource next to {@code owner}; a missing one is a broken build. */
    public static <T> T load(Class<?> owner, String resource, Parser<T> parser) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + "; rebuild the energy module");
            }
            return parser.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a whole table. */
    public interface Parser<T> {
        T parse(InputStream in) throws IOException;
    }

    /** The data rows, each split into exactly {@code fields} trimmed fields. */
    public static List<String[]> rows(InputStream in, int fields, String what) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",", fields);
                if (f.length < fields) {
                    throw new IOException("bad " + what + " row (needs " + fields + " fields): " + line);
                }
                for (int i = 0; i < f.length; i++) {
                    f[i] = f[i].trim();
                }
                out.add(f);
            }
        }
        return out;
    }
}
