package io.joulebench.harness.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The official catalog is well-formed; Fashion-MNIST is checked against Debian's copy when installed. */
class DatasetCatalogTest {

    private static final Path DEBIAN_FASHION = Path.of("/usr/share/datasets/fashion-mnist");

    @Test
    void knowsTheFourDatasets() {
        assertEquals(List.of("mnist", "fashion-mnist", "cifar-10", "cifar-100"), DatasetCatalog.official().ids());
    }

    @Test
    void checksumsAndUrlsAreWellFormed() {
        for (DatasetEntry e : DatasetCatalog.official().entries()) {
            assertFalse(e.checksumSource().isBlank(), e.id());
            for (ArchiveFile f : e.files()) {
                assertTrue(f.sha256().matches("[0-9a-f]{64}"), f.fileName());
                assertTrue(f.sizeBytes() > 1000, f.fileName());
                for (URI u : f.urls()) {
                    assertTrue(u.toString().endsWith("/" + f.fileName()), u.toString());
                    assertTrue(u.getScheme().startsWith("http"), u.toString());
                }
            }
        }
        long distinct = DatasetCatalog.official().entries().stream().flatMap(e -> e.files().stream())
                .map(ArchiveFile::sha256).distinct().count();
        assertEquals(10, distinct, "every archive has its own checksum");
    }

    @Test
    void entriesRejectMalformedChecksums() {
        List<URI> base = List.of(URI.create("https://example.org/x/"));
        assertThrows(IllegalArgumentException.class, () -> new ArchiveFile("a.gz", 10, "abc", base));
        assertThrows(IllegalArgumentException.class, () -> new ArchiveFile("../a.gz", 10, "0".repeat(64), base));
        assertThrows(IllegalArgumentException.class,
                () -> new ArchiveFile("a.gz", 10, "0".repeat(64), List.of(URI.create("ftp://example.org/"))));
        assertEquals("a".repeat(64), new ArchiveFile("a.gz", 10, "A".repeat(64), base).sha256());
    }

    @Test
    void fashionMnistMatchesDebiansFilesWhereTheyAreTheSameBytes() throws Exception {
        assumeTrue(Files.isDirectory(DEBIAN_FASHION), "Debian package dataset-fashion-mnist is not installed");
        DatasetEntry fashion = DatasetCatalog.official().find("fashion-mnist").orElseThrow();
        int repacked = 0;
        for (ArchiveFile f : fashion.files()) {
            Path debian = DEBIAN_FASHION.resolve(f.fileName());
            assumeTrue(Files.isRegularFile(debian), debian + " missing");
            long size = Files.size(debian);
            if (size == f.sizeBytes()) {
                assertEquals(f.sha256(), Sha256.of(debian), debian + " has the upstream size but other bytes");
            } else {
                // Debian recompressed the upstream files without the gzip FNAME field: shorter by name + NUL.
                String inner = f.fileName().substring(0, f.fileName().length() - ".gz".length());
                assertEquals(f.sizeBytes() - inner.length() - 1, size, debian + ": unexplained size");
                repacked++;
            }
        }
        if (repacked > 0) {
            abort("Debian's Fashion-MNIST .gz files are recompressed (" + repacked + " of 4 differ by exactly the"
                    + " gzip file-name field), so their SHA-256 cannot match the upstream values");
        }
    }

    @Test
    void dataDirectoryOrder() {
        Path home = Path.of("/home/u");
        assertEquals(Path.of("/opt/d"), DataDirectories.resolve(Optional.of(Path.of("/opt/d")), k -> "/env", home));
        assertEquals(Path.of("/env"), DataDirectories.resolve(Optional.empty(), k -> "/env", home));
        assertEquals(Path.of("/home/u/.joulebench/data"), DataDirectories.resolve(Optional.empty(), k -> null, home));
        assertEquals(Path.of("/home/u/.joulebench/data"), DataDirectories.resolve(Optional.empty(), k -> " ", home));
    }
}
