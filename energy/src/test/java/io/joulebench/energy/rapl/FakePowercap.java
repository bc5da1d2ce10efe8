package io.joulebench.energy.rapl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Builds a fake /sys/class/powercap tree and can make files unreadable (as if not root). */
public final class FakePowercap {
    public static final long AMD_RANGE_UJ = 262_143_328_850L;

    private final Path root;
    private final Map<String, Long> energy = new HashMap<>();
    private final Map<String, Long> range = new HashMap<>();
    private final Set<String> denied = new HashSet<>();

    public FakePowercap(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public FakePowercap zone(String dir, String name, long startUj, long rangeUj) {
        try {
            Path d = Files.createDirectories(root.resolve(dir));
            Files.writeString(d.resolve("name"), name + "\n");
            Files.writeString(d.resolve("max_energy_range_uj"), rangeUj + "\n");
            energy.put(dir, startUj);
            range.put(dir, rangeUj);
            write(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public FakePowercap zone(String dir, String name) {
        return zone(dir, name, 0, AMD_RANGE_UJ);
    }

    /** Adds microjoules to a zone's counter, wrapping at its range. */
    public void add(String dir, long uj) {
        energy.put(dir, (energy.get(dir) + uj) % range.get(dir));
        write(dir);
    }

    /** Sets a zone's counter (a reset, as when the zone is re-registered). */
    public void set(String dir, long uj) {
        energy.put(dir, uj);
        write(dir);
    }

    /** Adds watts x seconds to a zone. */
    public void addWatts(String dir, double watts, double seconds) {
        add(dir, Math.round(watts * seconds * 1e6));
    }

    private void write(String dir) {
        Path d = root.resolve(dir);
        if (!Files.isDirectory(d)) {
            return;
        }
        try {
            Files.writeString(d.resolve("energy_uj"), energy.get(dir) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes garbage into a zone's energy_uj (a broken driver, a half-written file). */
    public void garbage(String dir, String text) {
        try {
            Files.writeString(root.resolve(dir).resolve("energy_uj"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Restores a zone's energy_uj to its counter after {@link #garbage}. */
    public void restore(String dir) {
        write(dir);
    }

    public void remove(String dir) {
        try (Stream<Path> s = Files.walk(root.resolve(dir))) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void deny(String dir) {
        denied.add(dir);
    }

    public void allow(String dir) {
        denied.remove(dir);
    }

    /** A reader that refuses energy_uj of denied zones with AccessDeniedException, as the kernel does for non-root. */
    public SysfsReader reader() {
        return file -> {
            if (file.getFileName().toString().equals("energy_uj")
                    && denied.contains(file.getParent().getFileName().toString())) {
                throw new AccessDeniedException(file.toString());
            }
            return SysfsReader.FILES.read(file);
        };
    }
}
