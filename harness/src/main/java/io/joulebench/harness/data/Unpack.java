package io.joulebench.harness.data;

import java.util.List;
import java.util.Objects;

/** What happens to a dataset's archives once they are verified. */
public sealed interface Unpack {

    /** Keep the archives as they are (IDX .gz files: the loaders read gzip directly). */
    record Keep() implements Unpack {
    }

    /**
     * Extract a single .tar.gz archive; it must produce {@code folder} holding at least {@code expectedFiles}.
     *
     * @param folder        the top-level folder the archive creates, e.g. {@code cifar-10-batches-bin}
     * @param expectedFiles files that must exist inside {@code folder} after extraction
     */
    record ExtractTarGz(String folder, List<String> expectedFiles) implements Unpack {
        public ExtractTarGz {
            Objects.requireNonNull(folder, "folder");
            if (folder.isEmpty() || folder.contains("/") || folder.startsWith(".")) {
                throw new IllegalArgumentException("folder must be a plain name: " + folder);
            }
            expectedFiles = List.copyOf(expectedFiles);
        }
    }
}
