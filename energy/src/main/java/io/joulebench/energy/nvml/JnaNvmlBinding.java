package io.joulebench.energy.nvml;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link NvmlBinding} over the driver's {@code libnvidia-ml.so.1} through JNA. Structures are read from raw memory
 * with the offsets of nvml.h: nvmlPciInfo_t (busId at byte 36), nvmlMemory_t (3 x u64), nvmlUtilization_t
 * (2 x u32), nvmlProcessInfo_t v2/v3 (24 bytes: pid u32, pad, usedGpuMemory u64, two u32).
 * Not yet verified on hardware: tested against a fake library built from src/test/c/fake_nvml.c.
 */
public final class JnaNvmlBinding implements NvmlBinding {

    private static final int PCI_INFO_SIZE = 68;
    private static final int PCI_BUS_ID_OFFSET = 36;
    private static final int PROCESS_INFO_SIZE = 24;
    private static final int STRING_BUFFER = 96;
    /** NVML_VALUE_NOT_AVAILABLE, (unsigned long long) -1: "unknown", never a value. */
    static final long NVML_VALUE_NOT_AVAILABLE = -1L;

    private final NvmlNative lib;
    private final String library;

    private JnaNvmlBinding(NvmlNative lib, String library) {
        this.lib = lib;
        this.library = library;
    }

    /**
     * Loads the library: a file path, or a name JNA resolves on the linker path ({@code nvidia-ml} tries
     * libnvidia-ml.so.1, then libnvidia-ml.so).
     *
     * @throws NvmlException with {@link NvmlReturn#LIBRARY_NOT_FOUND} when it cannot be loaded
     */
    public static JnaNvmlBinding load(String library) throws NvmlException {
        Objects.requireNonNull(library, "library");
        UnsatisfiedLinkError first = null;
        for (String candidate : candidates(library)) {
            try {
                return new JnaNvmlBinding(Native.load(candidate, NvmlNative.class), candidate);
            } catch (UnsatisfiedLinkError e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        String detail = first == null ? "" : firstLine(first.getMessage());
        throw new NvmlException(NvmlReturn.LIBRARY_NOT_FOUND, "cannot load NVML library '" + library + "': " + detail,
                first);
    }

    /**
     * The names to try, in order. For the default name the driver's versioned {@code libnvidia-ml.so.1} comes first:
     * the unversioned {@code libnvidia-ml.so} may be the CUDA toolkit's link-time stub, which loads but fails.
     */
    static List<String> candidates(String library) {
        if (library.equals("nvidia-ml")) {
            return List.of("libnvidia-ml.so.1", "nvidia-ml");
        }
        return List.of(library);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** What was loaded. */
    public String library() {
        return library;
    }

    private record Handle(int index, Pointer pointer) implements Device {
    }

    private void check(int rc, String call) throws NvmlException {
        if (rc != NvmlReturn.SUCCESS) {
            throw new NvmlException(rc, call + ": " + errorString(rc) + " (NVML " + rc + ")");
        }
    }

    private interface Call {
        int invoke();
    }

    /** Runs a call; a missing symbol (old driver) becomes FUNCTION_NOT_FOUND instead of an Error. */
    private void call(String name, Call c) throws NvmlException {
        int rc;
        try {
            rc = c.invoke();
        } catch (UnsatisfiedLinkError e) {
            throw new NvmlException(NvmlReturn.FUNCTION_NOT_FOUND, name + ": symbol not in " + library, e);
        }
        check(rc, name);
    }

    private static Pointer ptr(Device d) {
        return ((Handle) d).pointer();
    }

    @Override
    public void init() throws NvmlException {
        call("nvmlInit_v2", lib::nvmlInit_v2);
    }

    @Override
    public void shutdown() throws NvmlException {
        call("nvmlShutdown", lib::nvmlShutdown);
    }

    @Override
    public int deviceCount() throws NvmlException {
        IntByReference n = new IntByReference();
        call("nvmlDeviceGetCount_v2", () -> lib.nvmlDeviceGetCount_v2(n));
        return n.getValue();
    }

    @Override
    public Device device(int index) throws NvmlException {
        PointerByReference p = new PointerByReference();
        call("nvmlDeviceGetHandleByIndex_v2", () -> lib.nvmlDeviceGetHandleByIndex_v2(index, p));
        return new Handle(index, p.getValue());
    }

    private static String cString(byte[] b) {
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    @Override
    public String name(Device d) throws NvmlException {
        byte[] b = new byte[STRING_BUFFER];
        call("nvmlDeviceGetName", () -> lib.nvmlDeviceGetName(ptr(d), b, b.length));
        return cString(b);
    }

    @Override
    public String uuid(Device d) throws NvmlException {
        byte[] b = new byte[STRING_BUFFER];
        call("nvmlDeviceGetUUID", () -> lib.nvmlDeviceGetUUID(ptr(d), b, b.length));
        return cString(b);
    }

    @Override
    public String pciBusId(Device d) throws NvmlException {
        Memory m = new Memory(PCI_INFO_SIZE + 60L); // slack in case a newer struct is larger
        m.clear();
        call("nvmlDeviceGetPciInfo_v3", () -> lib.nvmlDeviceGetPciInfo_v3(ptr(d), m));
        return m.getString(PCI_BUS_ID_OFFSET, StandardCharsets.US_ASCII.name());
    }

    @Override
    public String driverVersion() throws NvmlException {
        byte[] b = new byte[STRING_BUFFER];
        call("nvmlSystemGetDriverVersion", () -> lib.nvmlSystemGetDriverVersion(b, b.length));
        return cString(b);
    }

    @Override
    public long totalEnergyMillijoules(Device d) throws NvmlException {
        LongByReference v = new LongByReference();
        call("nvmlDeviceGetTotalEnergyConsumption", () -> lib.nvmlDeviceGetTotalEnergyConsumption(ptr(d), v));
        return v.getValue();
    }

    @Override
    public long powerUsageMilliwatts(Device d) throws NvmlException {
        IntByReference v = new IntByReference();
        call("nvmlDeviceGetPowerUsage", () -> lib.nvmlDeviceGetPowerUsage(ptr(d), v));
        return Integer.toUnsignedLong(v.getValue());
    }

    @Override
    public long powerLimitMilliwatts(Device d) throws NvmlException {
        IntByReference v = new IntByReference();
        try {
            call("nvmlDeviceGetPowerManagementLimit", () -> lib.nvmlDeviceGetPowerManagementLimit(ptr(d), v));
        } catch (NvmlException e) {
            call("nvmlDeviceGetEnforcedPowerLimit", () -> lib.nvmlDeviceGetEnforcedPowerLimit(ptr(d), v));
        }
        return Integer.toUnsignedLong(v.getValue());
    }

    @Override
    public MemoryInfo memoryInfo(Device d) throws NvmlException {
        Memory m = new Memory(24);
        call("nvmlDeviceGetMemoryInfo", () -> lib.nvmlDeviceGetMemoryInfo(ptr(d), m));
        return new MemoryInfo(m.getLong(0), m.getLong(8), m.getLong(16));
    }

    @Override
    public Utilization utilization(Device d) throws NvmlException {
        Memory m = new Memory(8);
        call("nvmlDeviceGetUtilizationRates", () -> lib.nvmlDeviceGetUtilizationRates(ptr(d), m));
        return new Utilization(m.getInt(0), m.getInt(4));
    }

    @Override
    public int clockMhz(Device d, ClockType type) throws NvmlException {
        IntByReference v = new IntByReference();
        call("nvmlDeviceGetClockInfo", () -> lib.nvmlDeviceGetClockInfo(ptr(d), type.ordinal(), v));
        return v.getValue();
    }

    @Override
    public int temperatureCelsius(Device d) throws NvmlException {
        IntByReference v = new IntByReference();
        call("nvmlDeviceGetTemperature", () -> lib.nvmlDeviceGetTemperature(ptr(d), 0, v));
        return v.getValue();
    }

    @Override
    public List<ComputeProcess> computeProcesses(Device d) throws NvmlException {
        int capacity = 16;
        for (int attempt = 0; attempt < 4; attempt++) {
            IntByReference count = new IntByReference(capacity);
            Memory m = new Memory((long) capacity * PROCESS_INFO_SIZE);
            int rc;
            try {
                rc = lib.nvmlDeviceGetComputeRunningProcesses_v3(ptr(d), count, m);
            } catch (UnsatisfiedLinkError e) {
                throw new NvmlException(NvmlReturn.FUNCTION_NOT_FOUND,
                        "nvmlDeviceGetComputeRunningProcesses_v3: symbol not in " + library, e);
            }
            if (rc == NvmlReturn.INSUFFICIENT_SIZE) {
                capacity = Math.max(capacity * 2, count.getValue() + 4);
                continue;
            }
            check(rc, "nvmlDeviceGetComputeRunningProcesses_v3");
            List<ComputeProcess> out = new ArrayList<>();
            for (int i = 0; i < count.getValue(); i++) {
                long base = (long) i * PROCESS_INFO_SIZE;
                long used = m.getLong(base + 8);
                out.add(new ComputeProcess(Integer.toUnsignedLong(m.getInt(base)),
                        used == NVML_VALUE_NOT_AVAILABLE ? null : Long.valueOf(used)));
            }
            return out;
        }
        throw new NvmlException(NvmlReturn.INSUFFICIENT_SIZE, "nvmlDeviceGetComputeRunningProcesses_v3: list keeps growing");
    }

    @Override
    public String errorString(int code) {
        try {
            String s = lib.nvmlErrorString(code);
            return s == null ? "NVML error " + code : s;
        } catch (UnsatisfiedLinkError e) {
            return "NVML error " + code;
        }
    }
}
