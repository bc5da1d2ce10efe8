package io.joulebench.energy.nvml;

import io.joulebench.energy.UnavailableReason;

/** An NVML call returned an error code. */
public final class NvmlException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int code;

    public NvmlException(int code, String message) {
        super(message);
        this.code = code;
    }

    public NvmlException(int code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The nvmlReturn_t value. */
    public int code() {
        return code;
    }

    /** The typed reason. */
    public UnavailableReason reason() {
        return NvmlReturn.reason(code);
    }
}
