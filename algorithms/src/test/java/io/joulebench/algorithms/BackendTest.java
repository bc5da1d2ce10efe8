package io.joulebench.algorithms;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackendTest {

    @Test
    void factsNameTheOpenBlasLibraryThatIsActuallyLoaded() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "needs Linux's /proc");
        Map<String, String> facts = Backend.facts(); // loads ND4J, and with it OpenBLAS
        String libs = facts.get("blas.libraries");
        assertTrue(libs != null && libs.contains("libopenblas"), String.valueOf(facts));
        assertTrue(facts.get("gemm.library").startsWith("onednn "), String.valueOf(facts));
        for (String lib : libs.split(",")) {
            assertTrue(lib.startsWith("/") && Files.exists(Path.of(lib)), lib);
        }
    }
}
