/*
 * A fake libnvidia-ml.so for JouleBench's tests. It exports the NVML entry points the JNA binding uses,
 * with the same C signatures, and a small control API (fake_nvml_*) that tests call through JNA to script
 * return codes, energy and power over time. Deterministic: values advance per call, not with wall time.
 * Written for JouleBench; return codes follow nvml.h (0 success, 3 not supported, 4 no permission, ...).
 */
#include <stdio.h>
#include <string.h>

#define MAX_DEV 4
#define RC_SUCCESS 0
#define RC_UNINITIALIZED 1
#define RC_INVALID_ARGUMENT 2
#define RC_NOT_SUPPORTED 3
#define RC_INSUFFICIENT_SIZE 7

typedef struct {
    int energy_rc;                 /* return code of nvmlDeviceGetTotalEnergyConsumption */
    unsigned long long energy_mj;  /* next value returned */
    unsigned long long energy_step;/* added after every call */
    int power_rc;
    unsigned int power_mw;
    int power_step;                /* added (may be negative) after every call */
    int fail_after;                /* every reading fails with fail_rc after this many calls; -1 = never */
    int fail_rc;
    int calls;
    int handle_rc;                 /* return code of nvmlDeviceGetHandleByIndex_v2 (e.g. 4 on a GPU not allocated) */
    int glitch_call;               /* this reading (1-based, energy and power calls counted together) returns ... */
    unsigned long long glitch_value; /* ... this garbage value instead; 0 = no glitch */
} fake_dev;

static int init_rc = RC_SUCCESS;
static int initialised = 0; /* reference count: NVML pairs every nvmlInit with an nvmlShutdown */
static unsigned int dev_count = 2;
static fake_dev devs[MAX_DEV];
static int init_calls = 0;
static int shutdown_calls = 0;

void fake_nvml_reset(void) {
    init_rc = RC_SUCCESS;
    initialised = 0;
    dev_count = 2;
    init_calls = 0;
    shutdown_calls = 0;
    for (int i = 0; i < MAX_DEV; i++) {
        devs[i].energy_rc = RC_SUCCESS;
        devs[i].energy_mj = 1000000ULL * (i + 1);
        devs[i].energy_step = 100; /* a powered GPU's counter moves (a frozen one is stale); tests script their own */
        devs[i].power_rc = RC_SUCCESS;
        devs[i].power_mw = 50000;
        devs[i].power_step = 0;
        devs[i].fail_after = -1;
        devs[i].fail_rc = 15; /* NVML_ERROR_GPU_IS_LOST */
        devs[i].calls = 0;
        devs[i].handle_rc = RC_SUCCESS;
        devs[i].glitch_call = 0;
        devs[i].glitch_value = 0;
    }
}

void fake_nvml_set_init_rc(int rc) { init_rc = rc; }
void fake_nvml_set_count(unsigned int n) { dev_count = n > MAX_DEV ? MAX_DEV : n; }
void fake_nvml_set_energy(unsigned int d, int rc, unsigned long long start_mj, unsigned long long step_mj) {
    devs[d].energy_rc = rc; devs[d].energy_mj = start_mj; devs[d].energy_step = step_mj;
}
void fake_nvml_set_power(unsigned int d, int rc, unsigned int start_mw, int step_mw) {
    devs[d].power_rc = rc; devs[d].power_mw = start_mw; devs[d].power_step = step_mw;
}
void fake_nvml_fail_after(unsigned int d, int calls, int rc) { devs[d].fail_after = calls; devs[d].fail_rc = rc; devs[d].calls = 0; }
void fake_nvml_set_handle_rc(unsigned int d, int rc) { devs[d].handle_rc = rc; }
void fake_nvml_glitch(unsigned int d, int call, unsigned long long value) { devs[d].glitch_call = call; devs[d].glitch_value = value; }
int fake_nvml_refcount(void) { return initialised; }
int fake_nvml_init_calls(void) { return init_calls; }
int fake_nvml_shutdown_calls(void) { return shutdown_calls; }

__attribute__((constructor)) static void fake_nvml_load(void) { fake_nvml_reset(); }

/* ---- NVML entry points ---- */
typedef void *nvmlDevice_t;

int nvmlInit_v2(void) {
    if (init_rc != RC_SUCCESS) return init_rc;
    init_calls++; /* successful initialisations only */
    initialised++;
    return RC_SUCCESS;
}

int nvmlShutdown(void) {
    if (!initialised) return RC_UNINITIALIZED;
    shutdown_calls++; /* successful shutdowns only */
    initialised--;
    return RC_SUCCESS;
}

const char *nvmlErrorString(int rc) {
    switch (rc) {
        case 0: return "Success";
        case 1: return "Uninitialized";
        case 2: return "Invalid Argument";
        case 3: return "Not Supported";
        case 4: return "Insufficient Permissions";
        case 6: return "Not Found";
        case 9: return "Driver Not Loaded";
        case 12: return "NVML Shared Library Not Found";
        case 15: return "GPU is lost";
        case 18: return "RM has detected an NVML/RM version mismatch.";
        default: return "Unknown Error";
    }
}

static int dev_index(nvmlDevice_t h) {
    for (unsigned int i = 0; i < dev_count; i++) if (h == (void *) &devs[i]) return (int) i;
    return -1;
}

int nvmlDeviceGetCount_v2(unsigned int *count) {
    if (!initialised) return RC_UNINITIALIZED;
    if (!count) return RC_INVALID_ARGUMENT;
    *count = dev_count;
    return RC_SUCCESS;
}

int nvmlDeviceGetHandleByIndex_v2(unsigned int index, nvmlDevice_t *device) {
    if (!initialised) return RC_UNINITIALIZED;
    if (index >= dev_count || !device) return RC_INVALID_ARGUMENT;
    if (devs[index].handle_rc != RC_SUCCESS) return devs[index].handle_rc;
    *device = (void *) &devs[index];
    return RC_SUCCESS;
}

static int copy_str(char *dst, unsigned int len, const char *src) {
    if (!dst) return RC_INVALID_ARGUMENT;
    if (strlen(src) + 1 > len) return RC_INSUFFICIENT_SIZE;
    strcpy(dst, src);
    return RC_SUCCESS;
}

int nvmlDeviceGetName(nvmlDevice_t h, char *name, unsigned int length) {
    int i = dev_index(h);
    if (i < 0) return RC_INVALID_ARGUMENT;
    char buf[64];
    snprintf(buf, sizeof buf, "Fake GPU %d", i);
    return copy_str(name, length, buf);
}

int nvmlDeviceGetUUID(nvmlDevice_t h, char *uuid, unsigned int length) {
    int i = dev_index(h);
    if (i < 0) return RC_INVALID_ARGUMENT;
    char buf[64];
    snprintf(buf, sizeof buf, "GPU-fake-0000-%04d", i);
    return copy_str(uuid, length, buf);
}

/* nvmlPciInfo_t: char busIdLegacy[16]; unsigned int domain, bus, device, pciDeviceId, pciSubSystemId; char busId[32]; */
typedef struct {
    char busIdLegacy[16];
    unsigned int domain, bus, device, pciDeviceId, pciSubSystemId;
    char busId[32];
} fake_pci_info;

int nvmlDeviceGetPciInfo_v3(nvmlDevice_t h, fake_pci_info *pci) {
    int i = dev_index(h);
    if (i < 0 || !pci) return RC_INVALID_ARGUMENT;
    memset(pci, 0, sizeof *pci);
    pci->bus = (unsigned int) (i + 1);
    snprintf(pci->busIdLegacy, sizeof pci->busIdLegacy, "0000:%02X:00.0", (unsigned) (i + 1) & 0xFFu);
    snprintf(pci->busId, sizeof pci->busId, "00000000:%02X:00.0", (unsigned) (i + 1) & 0xFFu);
    return RC_SUCCESS;
}

int nvmlSystemGetDriverVersion(char *version, unsigned int length) {
    if (!initialised) return RC_UNINITIALIZED;
    return copy_str(version, length, "999.99.fake");
}

static int failing(int i) {
    devs[i].calls++;
    return devs[i].fail_after >= 0 && devs[i].calls > devs[i].fail_after;
}

int nvmlDeviceGetTotalEnergyConsumption(nvmlDevice_t h, unsigned long long *energy) {
    int i = dev_index(h);
    if (!initialised) return RC_UNINITIALIZED;
    if (i < 0 || !energy) return RC_INVALID_ARGUMENT;
    if (devs[i].energy_rc != RC_SUCCESS) return devs[i].energy_rc;
    if (failing(i)) return devs[i].fail_rc;
    if (devs[i].glitch_call == devs[i].calls && devs[i].glitch_value) { *energy = devs[i].glitch_value; return RC_SUCCESS; }
    *energy = devs[i].energy_mj;
    devs[i].energy_mj += devs[i].energy_step;
    return RC_SUCCESS;
}

int nvmlDeviceGetPowerUsage(nvmlDevice_t h, unsigned int *power) {
    int i = dev_index(h);
    if (!initialised) return RC_UNINITIALIZED;
    if (i < 0 || !power) return RC_INVALID_ARGUMENT;
    if (devs[i].power_rc != RC_SUCCESS) return devs[i].power_rc;
    if (failing(i)) return devs[i].fail_rc;
    if (devs[i].glitch_call == devs[i].calls && devs[i].glitch_value) { *power = (unsigned int) devs[i].glitch_value; return RC_SUCCESS; }
    *power = devs[i].power_mw;
    devs[i].power_mw = (unsigned int) ((int) devs[i].power_mw + devs[i].power_step);
    return RC_SUCCESS;
}

int nvmlDeviceGetPowerManagementLimit(nvmlDevice_t h, unsigned int *limit) {
    if (dev_index(h) < 0 || !limit) return RC_INVALID_ARGUMENT;
    *limit = 300000;
    return RC_SUCCESS;
}

int nvmlDeviceGetEnforcedPowerLimit(nvmlDevice_t h, unsigned int *limit) {
    if (dev_index(h) < 0 || !limit) return RC_INVALID_ARGUMENT;
    *limit = 250000;
    return RC_SUCCESS;
}

typedef struct { unsigned long long total, free, used; } fake_memory;

int nvmlDeviceGetMemoryInfo(nvmlDevice_t h, fake_memory *m) {
    if (dev_index(h) < 0 || !m) return RC_INVALID_ARGUMENT;
    m->total = 80ULL << 30; m->used = 1ULL << 30; m->free = m->total - m->used;
    return RC_SUCCESS;
}

typedef struct { unsigned int gpu, memory; } fake_util;

int nvmlDeviceGetUtilizationRates(nvmlDevice_t h, fake_util *u) {
    if (dev_index(h) < 0 || !u) return RC_INVALID_ARGUMENT;
    u->gpu = 42; u->memory = 17;
    return RC_SUCCESS;
}

int nvmlDeviceGetClockInfo(nvmlDevice_t h, int type, unsigned int *clock) {
    if (dev_index(h) < 0 || !clock) return RC_INVALID_ARGUMENT;
    *clock = type == 2 ? 2619 : 1980; /* memory clock : graphics/SM clock, MHz */
    return RC_SUCCESS;
}

int nvmlDeviceGetTemperature(nvmlDevice_t h, int sensor, unsigned int *temp) {
    if (dev_index(h) < 0 || !temp || sensor != 0) return RC_INVALID_ARGUMENT;
    *temp = 55;
    return RC_SUCCESS;
}

/* nvmlProcessInfo_t (v2/v3 layout): unsigned int pid; unsigned long long usedGpuMemory; unsigned int gpuInstanceId, computeInstanceId; */
typedef struct { unsigned int pid; unsigned long long usedGpuMemory; unsigned int gpuInstanceId, computeInstanceId; } fake_proc;

int nvmlDeviceGetComputeRunningProcesses_v3(nvmlDevice_t h, unsigned int *count, fake_proc *infos) {
    int i = dev_index(h);
    if (i < 0 || !count) return RC_INVALID_ARGUMENT;
    unsigned int n = i == 0 ? 2 : 0;
    if (*count < n) { *count = n; return RC_INSUFFICIENT_SIZE; }
    for (unsigned int k = 0; k < n; k++) {
        infos[k].pid = 4242 + k; infos[k].usedGpuMemory = k == 0 ? 1ULL << 20 : 0xFFFFFFFFFFFFFFFFULL; /* 2nd: NVML_VALUE_NOT_AVAILABLE */ infos[k].gpuInstanceId = 0xFFFFFFFF; infos[k].computeInstanceId = 0xFFFFFFFF;
    }
    *count = n;
    return RC_SUCCESS;
}
