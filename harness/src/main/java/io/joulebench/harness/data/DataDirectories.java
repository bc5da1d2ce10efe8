package io.joulebench.harness.data;

import java.nio.file.Path;
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
        if (option.isPresent()) {
            return option.get();
        }
        String fromEnv = env.apply(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return userHome.resolve(".joulebench").resolve("data");
    }

    /** {@link #resolve} with the real environment and {@code user.home}. */
    public static Path resolve(Optional<Path> option) {
        return resolve(option, System::getenv, Path.of(System.getProperty("user.home")));
    }
}
