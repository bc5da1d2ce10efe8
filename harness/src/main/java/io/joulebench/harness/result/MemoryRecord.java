package io.joulebench.harness.result;

/**
 * Peak memory of a trial. Null where it could not be read.
 *
 * @param peakRssBytes highest resident set size of this process sampled during the trial (includes native
 *                     ND4J buffers)
 * @param peakRssSamples how many RSS samples the peak is taken over
 * @param peakHeapBytes highest JVM heap in use during the trial (sum of the heap pools' peaks)
 * @param processPeakRssBytes the kernel's high-water mark of RSS for the whole process (VmHWM), which may predate
 *                            the trial
 */
public record MemoryRecord(Long peakRssBytes, int peakRssSamples, Long peakHeapBytes, Long processPeakRssBytes) {
}
