package io.joulebench.harness.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceCollectorTest {

    private static String builtCommit() throws IOException {
        Properties p = new Properties();
        try (InputStream in = ProvenanceCollector.class.getResourceAsStream(ProvenanceCollector.BUILD_PROPERTIES)) {
            assumeTrue(in != null, "no build record (built outside a git checkout)");
            p.load(in);
        }
        String commit = p.getProperty("git.commit.id", "");
        assumeTrue(commit.matches("[0-9a-f]{40}"), "build record without a commit: " + p);
        return commit;
    }

    @Test
    void theCommitIsTheOneTheCodeWasBuiltFromNotTheCheckoutsHead(@TempDir Path dir, @TempDir Path plain)
            throws Exception {
        String built = builtCommit();
        // A different checkout: a fresh repository with one commit of its own.
        Process init = new ProcessBuilder("sh", "-c", "git init -q && git -c user.email=t@t -c user.name=t commit -q"
                + " --allow-empty -m x").directory(dir.toFile()).redirectErrorStream(true).start();
        assumeTrue(init.waitFor() == 0, "git is not available");
        String[] git = new ProvenanceCollector(dir).git();
        assertEquals(built, git[0]);
        assertTrue(git[1].contains("the checkout is now at "), git[1]);

        // Not a checkout at all: still the build's commit, with no claim about a checkout.
        String[] none = new ProvenanceCollector(plain).git();
        assertEquals(built, none[0]);
        assertTrue(none[1].equals("clean") || none[1].equals("built with uncommitted changes"), none[1]);
    }
}
