package io.joulebench.harness.data;

import io.joulebench.algorithms.data.DataLocator;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Where datasets live: {@code --data-dir}, else {@code $JOULEBENCH_DATA}, else {@code ~/.joulebench/data}. */
public final class DataDirectories {

    /** The environment variable naming the data directory. */
    public static final String ENV = "JOULEBENCH_DATA";

    private DataDirectories() {
    }

    /**
     * @param option   the {@code --data-dir} value, if given
     * @param env      environment lookup (System::getenv in production)
     * @param userHome the user's home folder
     */
    public static Path resolve(Optional<Path> option, Function<String, String> env, Path userHome) {
        // Downloads go where the loaders look first, so a fetched dataset is always found.
        Map<String, String> vars = new HashMap<>();
        String fromEnv = env.apply(ENV);
        if (fromEnv != null) {
            vars.put(ENV, fromEnv);
        }
        return DataLocator.standard(option.orElse(null), vars, userHome).roots().get(0).path();
    }

    /** {@link #resolve} with the real environment and {@code user.home}. */
    public static Path resolve(Optional<Path> option) {
        return resolve(option, System::getenv, Path.of(System.getProperty("user.home")));
    }
}
