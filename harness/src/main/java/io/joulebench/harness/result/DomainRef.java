package io.joulebench.harness.result;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Locale;

/**
 * An energy domain, typed: its kind and, for GPUs, the device index.
 *
 * @param kind  what is measured
 * @param index GPU index; null for the other kinds
 * @param name  the meter's id ({@code gpu:0}, {@code cpu-package}), kept for kinds this version does not know
 */
public record DomainRef(Kind kind, Integer index, String name) {
    /** The kinds of energy domain. */
    public enum Kind {
        GPU, CPU_PACKAGE, DRAM, CPU_CORE, CPU_UNCORE, PSYS, OTHER;

        @com.fasterxml.jackson.annotation.JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Kind parse(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** Parses the meter's id. */
    public static DomainRef of(String id) {
        if (id.startsWith("gpu:")) {
            try {
                return new DomainRef(Kind.GPU, Integer.parseInt(id.substring(4)), id);
            } catch (NumberFormatException e) {
                return new DomainRef(Kind.OTHER, null, id);
            }
        }
        Kind kind = switch (id) {
            case "cpu-package" -> Kind.CPU_PACKAGE;
            case "dram" -> Kind.DRAM;
            case "cpu-core" -> Kind.CPU_CORE;
            case "cpu-uncore" -> Kind.CPU_UNCORE;
            case "psys" -> Kind.PSYS;
            default -> Kind.OTHER;
        };
        return new DomainRef(kind, null, id);
    }

    /** True when this domain adds to the others without double counting (GPU boards, CPU packages, DRAM). */
    @JsonIgnore
    public boolean additive() {
        return kind == Kind.GPU || kind == Kind.CPU_PACKAGE || kind == Kind.DRAM;
    }

    @Override
    public String toString() {
        return name;
    }
}
