package io.joulebench.algorithms.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Steps gives a workspace's learning allocations back through this; a JavaCPP upgrade must not drop it unseen. */
class NativeMemoryTest {
    @Test
    @EnabledOnOs(OS.LINUX)
    void theAllocatorCanBeTrimmedOnLinux() {
        assertTrue(NativeMemory.available(), "JavaCPP's Pointer.trimMemory() not found: Steps cannot release the"
                + " memory a workspace's first step freed (see NativeMemory)");
        NativeMemory.releaseFreed(); // true or false by what glibc held; it must not throw
    }
}
