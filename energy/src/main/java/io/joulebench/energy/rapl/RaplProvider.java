package io.joulebench.energy.rapl;

import io.joulebench.energy.Availability;
import io.joulebench.energy.Domain;
import io.joulebench.energy.DomainInfo;
import io.joulebench.energy.Method;
import io.joulebench.energy.Sensor;
import io.joulebench.energy.SensorException;
import io.joulebench.energy.SensorOptions;
import io.joulebench.energy.SensorProvider;
import io.joulebench.energy.UnavailableReason;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** CPU package, DRAM (and core/uncore/psys) energy from RAPL powercap counters. */
public final class RaplProvider implements SensorProvider {

    /** Provider id. */
    public static final String ID = "rapl";
    /** What to do about a permission error. */
    public static final String PERMISSION_FIX = "Since Linux 5.10 energy_uj is readable by root only: run as root, "
            + "or grant read access with a udev rule or 'chmod o+r /sys/class/powercap/intel-rapl:*/energy_uj' "
            + "(a side-channel risk: CVE-2020-8694), or accept the MODELLED estimate.";

    private final SysfsReader reader;

    /** The ServiceLoader constructor: reads real files. */
    public RaplProvider() {
        this(SysfsReader.FILES);
    }

    /** With an injected file reader (tests). */
    public RaplProvider(SysfsReader reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int priority() {
        return 200;
    }

    @Override
    public String description() {
        return "Intel/AMD RAPL energy counters via Linux powercap (energy_uj)";
    }

    @Override
    public String explicitLocation(SensorOptions options) {
        return options.powercapSetBy() == null ? null : options.powercapSetBy() + " " + options.powercapRoot();
    }

    @Override
    public Availability probe(SensorOptions options) {
        if (!Files.isDirectory(options.powercapRoot())) {
            return new Availability.Unavailable(UnavailableReason.NOT_PRESENT,
                    "no powercap directory " + options.powercapRoot()
                            + " (not Linux, kernel without powercap/intel_rapl, or a container without /sys)",
                    "load the intel_rapl_common module, mount the host's /sys, point --powercap-root at a copy, "
                            + "or accept the MODELLED estimate");
        }
        PowercapTopology topology;
        try {
            topology = PowercapTopology.scan(options.powercapRoot(), reader);
        } catch (IOException e) {
            return new Availability.Unavailable(UnavailableReason.UNKNOWN,
                    "cannot list " + options.powercapRoot() + ": " + e.getMessage(), "");
        }
        if (topology.domains().isEmpty()) {
            if (topology.onlyPermissionErrors()) {
                return new Availability.Unavailable(UnavailableReason.NO_PERMISSION,
                        "RAPL zones found under " + options.powercapRoot() + " but energy_uj is not readable "
                                + "by this user", PERMISSION_FIX);
            }
            return new Availability.Unavailable(UnavailableReason.NOT_PRESENT,
                    "no usable RAPL zone under " + options.powercapRoot()
                            + (topology.notes().isEmpty() ? "" : " (" + String.join("; ", topology.notes()) + ")"),
                    "check that the CPU supports RAPL and intel_rapl_common is loaded, or accept the MODELLED estimate");
        }
        List<DomainInfo> infos = new ArrayList<>();
        for (Map.Entry<Domain, List<PowercapZone>> e : topology.domains().entrySet()) {
            infos.add(new DomainInfo(e.getKey().id(), Method.COUNTER_DELTA, e.getKey().scope() + ": RAPL "
                    + e.getValue().stream().map(z -> z.qualifiedName() + " (" + z.id() + ")")
                    .collect(Collectors.joining(" + "))));
        }
        String detail = "powercap root " + options.powercapRoot()
                + (topology.notes().isEmpty() ? "" : "; " + String.join("; ", topology.notes()));
        return new Availability.Available(infos, detail);
    }

    /** The topology under the configured root. */
    public PowercapTopology topology(SensorOptions options) throws IOException {
        return PowercapTopology.scan(options.powercapRoot(), reader);
    }

    @Override
    public List<Sensor> open(SensorOptions options) throws SensorException {
        Availability a = probe(options);
        if (a instanceof Availability.Unavailable u) {
            throw SensorException.of(u);
        }
        PowercapTopology topology;
        try {
            topology = PowercapTopology.scan(options.powercapRoot(), reader);
        } catch (IOException e) {
            throw new SensorException(UnavailableReason.UNKNOWN, "cannot list " + options.powercapRoot(), "", e);
        }
        List<Sensor> sensors = new ArrayList<>();
        topology.domains().forEach((d, zones) -> sensors.add(new RaplCounter(d, zones, reader, options.nanoClock())));
        return sensors;
    }
}
