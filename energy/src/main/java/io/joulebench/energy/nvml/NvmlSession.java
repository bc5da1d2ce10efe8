package io.joulebench.energy.nvml;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One nvmlInit shared by the sensors of a provider; nvmlShutdown when the last sensor closes. */
final class NvmlSession {
    private static final Logger LOG = LoggerFactory.getLogger(NvmlSession.class);
    private final NvmlBinding binding;
    private int users;

    NvmlSession(NvmlBinding binding) {
        this.binding = binding;
    }

    NvmlBinding binding() {
        return binding;
    }

    synchronized void acquire() {
        users++;
    }

    synchronized void release() {
        if (users == 0) {
            return;
        }
        users--;
        if (users == 0) {
            try {
                binding.shutdown();
            } catch (NvmlException e) {
                LOG.debug("nvmlShutdown failed: {}", e.getMessage());
            }
        }
    }
}
