package io.joulebench.energy.rapl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.energy.Availability;
import io.joulebench.energy.Domain;
import io.joulebench.energy.SensorOptions;
import io.joulebench.energy.UnavailableReason;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PowercapTopologyTest {

    @TempDir
    Path tmp;

    static FakePowercap twoSocketServer(Path root) {
        return new FakePowercap(root)
                .zone("intel-rapl:0", "package-0")
                .zone("intel-rapl:0:0", "core")
                .zone("intel-rapl:0:1", "uncore")
                .zone("intel-rapl:0:2", "dram")
                .zone("intel-rapl:1", "package-1")
                .zone("intel-rapl:1:0", "dram")
                .zone("intel-rapl:2", "psys")
                .zone("intel-rapl-mmio:0", "package-0");
    }

    private static List<String> ids(List<PowercapZone> zones) {
        return zones.stream().map(PowercapZone::id).toList();
    }

    @Test
    void zonesAreMappedByNameNotNumber() throws Exception {
        // Numbers deliberately misleading: zone 0 is psys, zone 1 package-0.
        new FakePowercap(tmp).zone("intel-rapl:0", "psys").zone("intel-rapl:1", "package-0")
                .zone("intel-rapl:1:0", "dram");
        PowercapTopology t = PowercapTopology.scan(tmp, SysfsReader.FILES);
        assertEquals(List.of("intel-rapl:1"), ids(t.domains().get(Domain.CPU_PACKAGE)));
        assertEquals(List.of("intel-rapl:0"), ids(t.domains().get(Domain.PSYS)));
        assertEquals(List.of("intel-rapl:1:0"), ids(t.domains().get(Domain.DRAM)));
    }

    @Test
    void twoSocketsSummedSubzonesAndPsysSeparateMirrorsCountedOnce() throws Exception {
        twoSocketServer(tmp);
        PowercapTopology t = PowercapTopology.scan(tmp, SysfsReader.FILES);
        assertEquals(List.of("intel-rapl:0", "intel-rapl:1"), ids(t.domains().get(Domain.CPU_PACKAGE)),
                "the MMIO mirror of package-0 must not be added");
        assertEquals(List.of("intel-rapl:0:2", "intel-rapl:1:0"), ids(t.domains().get(Domain.DRAM)));
        assertEquals(List.of("intel-rapl:0:0"), ids(t.domains().get(Domain.CPU_CORE)));
        assertEquals(List.of("intel-rapl:0:1"), ids(t.domains().get(Domain.CPU_UNCORE)));
        assertEquals(List.of("intel-rapl:2"), ids(t.domains().get(Domain.PSYS)));
        assertTrue(t.notes().stream().anyMatch(n -> n.contains("mirrored")), t.notes().toString());
    }

    @Test
    void multiDiePackagesAreSummedLikePackages() throws Exception {
        // Multi-die CPUs (e.g. Cascade Lake-AP): the kernel names each die's top-level zone package-N-die-M.
        new FakePowercap(tmp).zone("intel-rapl:0", "package-0-die-0").zone("intel-rapl:0:0", "dram")
                .zone("intel-rapl:1", "package-0-die-1").zone("intel-rapl:1:0", "dram")
                .zone("intel-rapl:2", "package-1-die-0").zone("intel-rapl:3", "package-1-die-1");
        PowercapTopology t = PowercapTopology.scan(tmp, SysfsReader.FILES);
        assertEquals(List.of("intel-rapl:0", "intel-rapl:1", "intel-rapl:2", "intel-rapl:3"),
                ids(t.domains().get(Domain.CPU_PACKAGE)), t.notes().toString());
        assertEquals(List.of("intel-rapl:0:0", "intel-rapl:1:0"), ids(t.domains().get(Domain.DRAM)));
        assertTrue(t.notes().stream().noneMatch(n -> n.contains("unknown zone kind")), t.notes().toString());
    }

    @Test
    void mirrorUsedWhenPrimaryUnreadable() throws Exception {
        FakePowercap f = twoSocketServer(tmp);
        f.deny("intel-rapl:0");
        PowercapTopology t = PowercapTopology.scan(tmp, f.reader());
        assertEquals(List.of("intel-rapl-mmio:0", "intel-rapl:1"), ids(t.domains().get(Domain.CPU_PACKAGE)));
    }

    @Test
    void dramAbsentMeansNoDramDomain() throws Exception {
        new FakePowercap(tmp).zone("intel-rapl:0", "package-0").zone("intel-rapl:0:0", "core");
        PowercapTopology t = PowercapTopology.scan(tmp, SysfsReader.FILES);
        assertFalse(t.domains().containsKey(Domain.DRAM));
        assertTrue(t.domains().containsKey(Domain.CPU_PACKAGE));
    }

    @Test
    void unreadableEnergyGivesPermissionReasonWithFix() {
        FakePowercap f = new FakePowercap(tmp).zone("intel-rapl:0", "package-0").zone("intel-rapl:0:0", "dram");
        f.deny("intel-rapl:0");
        f.deny("intel-rapl:0:0");
        Availability a = new RaplProvider(f.reader()).probe(SensorOptions.defaults().withPowercapRoot(tmp));
        Availability.Unavailable u = assertInstanceOf(Availability.Unavailable.class, a);
        assertEquals(UnavailableReason.NO_PERMISSION, u.reason());
        assertTrue(u.fix().contains("root") && u.fix().contains("udev") && u.fix().contains("MODELLED"), u.fix());
    }

    @Test
    void oneUnreadableSocketWithholdsTheWholeDomain() throws Exception {
        FakePowercap f = twoSocketServer(tmp);
        f.deny("intel-rapl:1");
        PowercapTopology t = PowercapTopology.scan(tmp, f.reader());
        assertFalse(t.domains().containsKey(Domain.CPU_PACKAGE), "a one-socket sum would be wrong");
        assertTrue(t.domains().containsKey(Domain.DRAM));
    }

    @Test
    void missingRootIsNotPresent() {
        Availability a = new RaplProvider().probe(SensorOptions.defaults().withPowercapRoot(tmp.resolve("nope")));
        Availability.Unavailable u = assertInstanceOf(Availability.Unavailable.class, a);
        assertEquals(UnavailableReason.NOT_PRESENT, u.reason());
        assertTrue(u.message().contains("nope"));
    }
}
