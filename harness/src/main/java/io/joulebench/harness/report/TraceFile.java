package io.joulebench.harness.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A power-trace sidecar as the trial runner writes it ({@code domain,method,t_seconds,watts,cumulative_joules},
 * one line per reading, an unknown watts cell empty), read back per domain.
 */
final class TraceFile {
    static final String HEADER = "domain,method,t_seconds,watts,cumulative_joules";

    private TraceFile() {
    }

    /** One reading with a power figure. */
    record Reading(double seconds, double watts) {
    }

    /** Per domain, in file order; a line without watts (a counter's first point) is skipped. */
    static Map<String, List<Reading>> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException(file + " is not a JouleBench power trace (header " + HEADER + " expected)");
        }
        Map<String, List<Reading>> out = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            if (f.length < 5) {
                throw new IOException(file + " line " + (i + 1) + " has " + f.length + " fields, 5 expected");
            }
            if (f[3].isEmpty()) {
                continue;
            }
            try {
                double t = Double.parseDouble(f[2]);
                double w = Double.parseDouble(f[3]);
                if (Double.isFinite(t) && Double.isFinite(w)) {
                    out.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Reading(t, w));
                }
            } catch (NumberFormatException e) {
                throw new IOException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
