package io.joulebench.algorithms.local;

import java.lang.reflect.Method;
import org.bytedeco.javacpp.Pointer;

/**
 * Hands native memory that has been freed but is still held by the C allocator back to the system: glibc's
 * {@code malloc_trim(0)}, through the JavaCPP build that ND4J loads (its {@code Pointer.trimMemory()}, not public in
 * JavaCPP 1.5.7). Where it is missing (another platform or JavaCPP version) this does nothing: only resident
 * memory is at stake, never results.
 */
final class NativeMemory {
    private static final Method TRIM = find();

    private NativeMemory() {
    }

    /** Whether this platform's allocator can be trimmed from here. */
    static boolean available() {
        return TRIM != null;
    }

    /** True when the allocator gave memory back; false when it had none to give or cannot trim here. */
    static boolean releaseFreed() {
        if (TRIM == null) {
            return false;
        }
        try {
            return (Boolean) TRIM.invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static Method find() {
        try {
            Method m = Pointer.class.getDeclaredMethod("trimMemory");
            m.setAccessible(true);
            return m;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
