package io.joulebench.energy;

import java.util.Locale;
import java.util.Objects;

/**
 * What a sensor measures the energy of: {@code gpu:0}, {@code cpu-package}, {@code dram}, ...
 *
 * @param id stable, machine-readable identifier
 */
public record Domain(String id) implements Comparable<Domain> {
    /** All CPU packages (sockets) summed. */
    public static final Domain CPU_PACKAGE = new Domain("cpu-package");
    /** DRAM attached to all sockets summed. */
    public static final Domain DRAM = new Domain("dram");
    /** CPU cores only (a RAPL subzone of the package; never added to it). */
    public static final Domain CPU_CORE = new Domain("cpu-core");
    /** Uncore / integrated graphics (a RAPL subzone of the package; never added to it). */
    public static final Domain CPU_UNCORE = new Domain("cpu-uncore");
    /** Platform (whole SoC) as RAPL psys sees it; overlaps every other CPU domain. */
    public static final Domain PSYS = new Domain("psys");

    public Domain {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("domain id is blank");
        }
    }

    /** The domain of GPU {@code index}. */
    public static Domain gpu(int index) {
        return new Domain("gpu:" + index);
    }

    /** True for GPU domains. */
    public boolean isGpu() {
        return id.startsWith("gpu:");
    }

    /**
     * True when this domain's energy may be added to other additive domains without double counting
     * (GPUs, CPU package, DRAM); false for subzones (core, uncore) and supersets (psys).
     */
    public boolean additive() {
        return isGpu() || equals(CPU_PACKAGE) || equals(DRAM);
    }

    /** Human-readable scope statement. */
    public String scope() {
        if (isGpu()) {
            return "GPU board (" + id + ")";
        }
        return switch (id) {
            case "cpu-package" -> "CPU package(s), all sockets summed";
            case "dram" -> "DRAM, all sockets summed";
            case "cpu-core" -> "CPU cores (subzone of the package, not added to it)";
            case "cpu-uncore" -> "CPU uncore (subzone of the package, not added to it)";
            case "psys" -> "platform/SoC (psys; overlaps the package, never added to it)";
            default -> id.toLowerCase(Locale.ROOT);
        };
    }

    @Override
    public int compareTo(Domain o) {
        return id.compareTo(o.id);
    }

    @Override
    public String toString() {
        return id;
    }
}
