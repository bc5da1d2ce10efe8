/** NVIDIA GPUs through NVML: a binding interface, its JNA implementation over libnvidia-ml.so.1, sensors and GPU facts. */
package io.joulebench.energy.nvml;
