package io.joulebench.energy.jmh;

import io.joulebench.energy.Domain;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.ProfilerException;

/**
 * The options of {@link EnergyProfiler}, as JMH passes them: {@code -prof EnergyProfiler:key=value;key=value}.
 *
 * @param powercapRoot the powercap tree; null: the meter's resolution (property, environment, /sys/class/powercap)
 * @param nvmlLibrary  the NVML library; null: the meter's resolution (property, environment, libnvidia-ml)
 * @param interval     sampler period
 * @param domains      domains to report, in the order given; empty: every domain the meter measures
 */
public record ProfilerOptions(Path powercapRoot, String nvmlLibrary, Duration interval, List<Domain> domains) {

    /**
     * 10 ms rather than the meter's 100 ms: JMH iterations last about a second, and in that window a power sensor
     * (NVML without an energy counter) needs many samples to integrate, and NVML's ~100 ms counter needs a faster
     * sampler to have its update period detected (the short-iteration warning rests on it). Counters are
     * differenced at the iteration's edges whatever the period. The price: the sampler thread takes about 2.5 % of
     * one core at 100 Hz against 0.6 % at 10 Hz (docs/benchmarks.md); {@code interval=100ms} trades the detection
     * back for that core share.
     */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(10);

    /** The keys, with what each takes (the error messages list them). */
    public static final Map<String, String> KEYS = keys();

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|us)?");
    private static final Pattern DOMAIN = Pattern.compile("cpu-package|dram|cpu-core|cpu-uncore|psys|gpu:\\d+");

    public ProfilerOptions {
        domains = List.copyOf(domains);
    }

    /** Every default. */
    public static ProfilerOptions defaults() {
        return new ProfilerOptions(null, null, DEFAULT_INTERVAL, List.of());
    }

    private static Map<String, String> keys() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("powercap-root", "DIR, the powercap tree (default /sys/class/powercap)");
        m.put("nvml-library", "FILE or name of the NVML library (default nvidia-ml)");
        m.put("interval", "sampler period, e.g. 10ms or 0.5s, at least 1 ms (default 10ms)");
        m.put("domains", "comma-separated cpu-package, dram, cpu-core, cpu-uncore, psys, gpu:N (default: all)");
        return Collections.unmodifiableMap(m);
    }

    /** The valid options, one line each, for error messages and {@code -lprof}. */
    public static String help() {
        StringBuilder sb = new StringBuilder();
        KEYS.forEach((k, v) -> sb.append("  ").append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }

    /**
     * Parses {@code key=value;key=value} (null or blank: defaults).
     *
     * @throws ProfilerException naming the unknown option or bad value, and listing the valid options
     */
    public static ProfilerOptions parse(String text) throws ProfilerException {
        ProfilerOptions o = defaults();
        if (text == null || text.isBlank()) {
            return o;
        }
        Path root = null;
        String nvml = null;
        Duration interval = o.interval();
        List<Domain> domains = new ArrayList<>();
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = (eq < 0 ? part : part.substring(0, eq)).trim();
            String value = eq < 0 ? "" : part.substring(eq + 1).trim();
            if (!KEYS.containsKey(key)) {
                throw error("unknown option '" + key + "'");
            }
            if (value.isEmpty()) {
                throw error("option '" + key + "' needs a value");
            }
            switch (key) {
                case "powercap-root" -> root = path(value);
                case "nvml-library" -> nvml = value;
                case "interval" -> interval = duration(value);
                case "domains" -> domains = domains(value);
                default -> throw new AssertionError(key);
            }
        }
        return new ProfilerOptions(root, nvml, interval, domains);
    }

    private static Path path(String value) throws ProfilerException {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw error("bad powercap-root '" + value + "': " + e.getMessage());
        }
    }

    private static Duration duration(String value) throws ProfilerException {
        Matcher m = DURATION.matcher(value.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw error("bad interval '" + value + "' (expected e.g. 10ms, 0.5s, 500us)");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2); // a bare number is milliseconds
        double nanos = n * switch (unit) {
            case "s" -> 1e9;
            case "us" -> 1e3;
            default -> 1e6;
        };
        Duration d = Duration.ofNanos(Math.round(nanos));
        if (d.compareTo(Duration.ofMillis(1)) < 0) {
            throw error("bad interval '" + value + "': the sampler period must be at least 1 ms");
        }
        return d;
    }

    private static List<Domain> domains(String value) throws ProfilerException {
        List<Domain> out = new ArrayList<>();
        for (String id : value.split(",")) {
            String d = id.trim();
            if (!DOMAIN.matcher(d).matches()) {
                throw error("bad domain '" + d + "' in domains");
            }
            if (out.contains(new Domain(d))) {
                throw error("domain '" + d + "' given twice in domains");
            }
            out.add(new Domain(d));
        }
        return out;
    }

    private static ProfilerException error(String what) {
        return new ProfilerException("EnergyProfiler: " + what + "; valid options (key=value, separated by ';'):\n"
                + help());
    }
}
