package io.joulebench.energy.carbon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A time-resolved carbon intensity series from CSV: {@code timestamp,g_per_kwh}, with or without a header line
 * (a first line whose fields are not values is the header); timestamps are
 * ISO-8601 instants ({@code 2024-03-01T12:00:00Z}) or epoch seconds. Each value holds from its timestamp until the
 * next (step function); before the first entry the first value is used (flagged).
 *
 * @param name   where it came from (file name)
 * @param points sorted by time
 */
public record IntensitySeries(String name, List<Point> points) {

    /** One value. */
    public record Point(Instant time, double gramsPerKwh) {
    }

    public IntensitySeries {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("empty intensity series " + name);
        }
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparing(Point::time));
        points = List.copyOf(sorted);
    }

    /** Reads a CSV file. */
    public static IntensitySeries read(Path file) throws CarbonException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.getFileName().toString(), r);
        } catch (IOException e) {
            throw new CarbonException("cannot read intensity CSV " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses CSV text. */
    public static IntensitySeries parse(String name, Reader reader) throws CarbonException, IOException {
        List<Point> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(reader);
        String line;
        int no = 0;
        boolean first = true;
        while ((line = r.readLine()) != null) {
            no++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",");
            if (first) {
                first = false;
                if (isHeader(f)) {
                    continue; // a header line; a first line of data is kept
                }
            }
            if (f.length < 2) {
                throw new CarbonException(name + " line " + no + ": expected 'timestamp,g_per_kwh'");
            }
            try {
                String ts = f[0].trim();
                Instant t = ts.chars().allMatch(Character::isDigit) ? Instant.ofEpochSecond(Long.parseLong(ts))
                        : Instant.parse(ts);
                double g = Double.parseDouble(f[1].trim());
                if (!(g >= 0) || Double.isInfinite(g)) {
                    throw new CarbonException(name + " line " + no + ": intensity must be >= 0");
                }
                out.add(new Point(t, g));
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new CarbonException(name + " line " + no + ": " + e.getMessage(), e);
            }
        }
        if (out.isEmpty()) {
            throw new CarbonException(name + ": no data rows");
        }
        return new IntensitySeries(name, out);
    }

    /** True for a header line: neither field is a value ("timestamp,g_per_kwh"); "yesterday,100" is bad data. */
    static boolean isHeader(String[] f) {
        if (f.length < 2) {
            return false;
        }
        try {
            Double.parseDouble(f[1].trim());
            return false;
        } catch (NumberFormatException e) {
            String ts = f[0].trim();
            return !ts.isEmpty() && !Character.isDigit(ts.charAt(0));
        }
    }

    /** The value in force at {@code t}. */
    public double at(Instant t) {
        double v = points.get(0).gramsPerKwh();
        for (Point p : points) {
            if (p.time().isAfter(t)) {
                break;
            }
            v = p.gramsPerKwh();
        }
        return v;
    }

    /** True when {@code t} precedes the first entry. */
    public boolean before(Instant t) {
        return t.isBefore(points.get(0).time());
    }
}
