package io.joulebench.energy.nvml;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One nvmlInit shared by the sensors of a provider (and the facts asked while they are open); nvmlShutdown once,
 * when the last user releases it. A session that was shut down is not reopened: the provider opens a new one.
 */
final class NvmlSession {
    private static final Logger LOG = LoggerFactory.getLogger(NvmlSession.class);
    private final NvmlBinding binding;
    private int users;
    private boolean shutDown;

    NvmlSession(NvmlBinding binding) {
        this.binding = binding;
    }

    NvmlBinding binding() {
        return binding;
    }

    synchronized void acquire() {
        if (shutDown) {
            throw new IllegalStateException("NVML session already shut down");
        }
        users++;
    }

    /** True until the last user released it (then NVML was shut down). */
    synchronized boolean isOpen() {
        return !shutDown;
    }

    synchronized void release() {
        if (users == 0) {
            return;
        }
        users--;
        if (users == 0) {
            shutDown = true;
            try {
                binding.shutdown();
            } catch (NvmlException e) {
                LOG.debug("nvmlShutdown failed: {}", e.getMessage());
            }
        }
    }
}
