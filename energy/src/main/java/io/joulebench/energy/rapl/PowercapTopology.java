package io.joulebench.energy.rapl;

import io.joulebench.energy.Domain;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The RAPL zones under a powercap root mapped onto domains. Rules: a zone is known by its {@code name} file, never
 * its number; {@code package-N} (and, on multi-die CPUs, {@code package-N-die-M}) top-level zones sum to {@link Domain#CPU_PACKAGE}; {@code dram} zones (any depth)
 * sum to {@link Domain#DRAM}; {@code core}/{@code uncore} subzones are their own domains (never added to the
 * package); {@code psys} is its own domain (never added to packages); zones mirrored by another control type
 * (intel-rapl-mmio vs intel-rapl) with the same qualified name are counted once; a domain is offered only if every
 * one of its zones is readable.
 *
 * @param domains     the readable zones of each domain
 * @param unreadable  zones whose energy_uj could not be read, with the error
 * @param notes       what was skipped or de-duplicated, and why
 */
public record PowercapTopology(Map<Domain, List<PowercapZone>> domains, Map<PowercapZone, IOException> unreadable,
                               List<String> notes) {

    private static final Pattern ZONE_DIR = Pattern.compile("^([a-z0-9-]+):(\\d+(?::\\d+)*)$");
    /** {@code package-N}, or {@code package-N-die-M} on multi-die CPUs (the kernel gives each die its own zone). */
    private static final Pattern PACKAGE = Pattern.compile("^package-(\\d+)(-die-(\\d+))?$");

    /** Scans {@code root}. A missing root gives an empty topology. */
    public static PowercapTopology scan(Path root, SysfsReader reader) throws IOException {
        List<String> notes = new ArrayList<>();
        Map<String, Path> dirs = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return new PowercapTopology(Map.of(), Map.of(), List.of("no directory " + root));
        }
        try (Stream<Path> s = Files.list(root)) {
            s.forEach(p -> {
                String n = p.getFileName().toString();
                if (ZONE_DIR.matcher(n).matches() && Files.isDirectory(p)) {
                    dirs.put(n, p);
                }
            });
        }
        Map<String, String> names = new HashMap<>();
        for (Map.Entry<String, Path> e : dirs.entrySet()) {
            try {
                names.put(e.getKey(), reader.read(e.getValue().resolve("name")));
            } catch (IOException ex) {
                notes.add(e.getKey() + ": no readable name file, skipped");
            }
        }
        // Build zones; qualified name from the names of the ancestors (by directory-name prefix).
        Map<String, List<PowercapZone>> byQualified = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : dirs.entrySet()) {
            String dirName = e.getKey();
            String name = names.get(dirName);
            if (name == null) {
                continue;
            }
            Matcher m = ZONE_DIR.matcher(dirName);
            if (!m.matches()) {
                continue;
            }
            String controlType = m.group(1);
            String[] idx = m.group(2).split(":");
            StringBuilder qualified = new StringBuilder();
            String prefix = controlType;
            boolean orphan = false;
            for (int i = 0; i < idx.length - 1; i++) {
                prefix = prefix + ":" + idx[i];
                String ancestor = names.get(prefix);
                if (ancestor == null) {
                    orphan = true;
                    break;
                }
                qualified.append(ancestor).append('/');
            }
            if (orphan) {
                notes.add(dirName + " (" + name + "): parent zone missing, skipped");
                continue;
            }
            qualified.append(name);
            long range;
            try {
                range = Long.parseLong(reader.read(e.getValue().resolve("max_energy_range_uj")));
            } catch (IOException | NumberFormatException ex) {
                notes.add(dirName + " (" + name + "): no readable max_energy_range_uj, skipped");
                continue;
            }
            OptionalLong maxPower = OptionalLong.empty();
            Path c0 = e.getValue().resolve("constraint_0_max_power_uw");
            if (Files.exists(c0)) {
                try {
                    long v = Long.parseLong(reader.read(c0));
                    if (v > 0) {
                        maxPower = OptionalLong.of(v);
                    }
                } catch (IOException | NumberFormatException ignored) {
                    // optional attribute
                }
            }
            PowercapZone zone = new PowercapZone(e.getValue(), controlType, name, qualified.toString(),
                    idx.length - 1, range, maxPower);
            byQualified.computeIfAbsent(zone.qualifiedName(), k -> new ArrayList<>()).add(zone);
        }

        Map<Domain, List<PowercapZone>> domains = new TreeMap<>();
        Map<PowercapZone, IOException> unreadable = new LinkedHashMap<>();
        Map<Domain, Boolean> domainBroken = new HashMap<>();
        for (List<PowercapZone> mirrors : byQualified.values()) {
            // Prefer the MSR interface over MMIO, then the first readable one.
            mirrors.sort(Comparator.comparing(PowercapZone::mmio).thenComparing(PowercapZone::id));
            PowercapZone chosen = null;
            IOException firstError = null;
            for (PowercapZone z : mirrors) {
                try {
                    Long.parseLong(reader.read(z.energyFile()));
                    chosen = z;
                    break;
                } catch (IOException ex) {
                    unreadable.put(z, ex);
                    if (firstError == null) {
                        firstError = ex;
                    }
                } catch (NumberFormatException ex) {
                    IOException io = new IOException("not a number in " + z.energyFile());
                    unreadable.put(z, io);
                    if (firstError == null) {
                        firstError = io;
                    }
                }
            }
            PowercapZone representative = mirrors.get(0);
            Domain domain = domainOf(representative);
            if (domain == null) {
                notes.add(representative.id() + " (" + representative.qualifiedName() + "): unknown zone kind, not used");
                continue;
            }
            if (mirrors.size() > 1) {
                notes.add(representative.qualifiedName() + ": " + mirrors.size() + " mirrored zones ("
                        + String.join(", ", mirrors.stream().map(PowercapZone::id).toList()) + "), counted once"
                        + (chosen != null ? " via " + chosen.id() : ""));
            }
            if (chosen == null) {
                domainBroken.put(domain, true);
                notes.add(representative.qualifiedName() + ": energy_uj unreadable (" + describe(firstError)
                        + "); domain " + domain.id() + " not offered");
                continue;
            }
            domains.computeIfAbsent(domain, d -> new ArrayList<>()).add(chosen);
        }
        domainBroken.keySet().forEach(domains::remove);
        domains.replaceAll((d, l) -> List.copyOf(l));
        return new PowercapTopology(Map.copyOf(domains), Map.copyOf(unreadable), List.copyOf(notes));
    }

    /** The domain a zone belongs to, by its name; null for an unknown kind. */
    static Domain domainOf(PowercapZone zone) {
        String name = zone.name();
        if (zone.depth() == 0 && PACKAGE.matcher(name).matches()) {
            return Domain.CPU_PACKAGE;
        }
        return switch (name) {
            case "dram" -> Domain.DRAM;
            case "core" -> zone.depth() > 0 ? Domain.CPU_CORE : null;
            case "uncore" -> zone.depth() > 0 ? Domain.CPU_UNCORE : null;
            case "psys" -> Domain.PSYS;
            default -> null;
        };
    }

    /** A short description of an I/O error. */
    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        return e == null ? "unknown error" : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** True when every unreadable zone failed for lack of permission (and there is at least one). */
    public boolean onlyPermissionErrors() {
        return !unreadable.isEmpty() && unreadable.values().stream().allMatch(e -> e instanceof AccessDeniedException);
    }
}
