package io.joulebench.algorithms.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where dataset folders are looked for: {@code --data-dir} alone when given, else in order {@code $JOULEBENCH_DATA},
 * {@code ~/.joulebench/data}, then {@code /usr/share/datasets} (where Debian's {@code dataset-fashion-mnist}
 * installs). Inside a root, dataset {@code ID} lives in {@code ROOT/ID/}; a root may also be that folder itself.
 */
public final class DataLocator {
    /** Where Debian's dataset packages install their files. */
    public static final Path DEBIAN_DATASETS = Path.of("/usr/share/datasets");

    private final List<Root> roots;

    /** One place to look, and why it is on the list. */
    public record Root(Path path, String origin) {
    }

    public DataLocator(List<Root> roots) {
        this.roots = List.copyOf(roots);
    }

    /**
     * The standard search order; {@code dataDir} may be null. An explicit {@code --data-dir} is the only place
     * searched: an explicit choice never falls back silently to data found elsewhere.
     */
    public static DataLocator standard(Path dataDir, Map<String, String> env, Path userHome) {
        if (dataDir != null) {
            return new DataLocator(List.of(new Root(dataDir, "--data-dir")));
        }
        List<Root> roots = new ArrayList<>();
        String fromEnv = env.get("JOULEBENCH_DATA");
        if (fromEnv != null && !fromEnv.isBlank()) {
            roots.add(new Root(Path.of(fromEnv), "$JOULEBENCH_DATA"));
        }
        if (userHome != null) {
            roots.add(new Root(defaultDataDir(userHome), "~/.joulebench/data"));
        }
        roots.add(new Root(DEBIAN_DATASETS, "Debian dataset packages"));
        return new DataLocator(roots);
    }

    /** The folder {@code joulebench data fetch} writes to by default. */
    public static Path defaultDataDir(Path userHome) {
        return userHome.resolve(".joulebench").resolve("data");
    }

    public List<Root> roots() {
        return roots;
    }

    /**
     * The first folder that holds every one of {@code files} for dataset {@code id}.
     *
     * @throws DatasetException listing every place searched and how to get the data
     */
    public Path find(String id, List<String> files, String howToGet) {
        for (Root root : roots) {
            for (Path candidate : List.of(root.path().resolve(id), root.path())) {
                if (files.stream().allMatch(f -> Files.isRegularFile(candidate.resolve(f)))) {
                    return candidate;
                }
            }
        }
        StringBuilder searched = new StringBuilder();
        for (Root root : roots) {
            searched.append(searched.isEmpty() ? "" : ", ").append(root.path().resolve(id))
                    .append(" (").append(root.origin()).append(')');
        }
        throw new DatasetException("dataset '" + id + "' not found (needs " + String.join(", ", files)
                + "; searched " + searched + "); " + howToGet);
    }
}
