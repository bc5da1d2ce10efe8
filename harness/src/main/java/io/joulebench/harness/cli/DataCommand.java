package io.joulebench.harness.cli;

import io.joulebench.algorithms.InvalidConfigurationException;
import io.joulebench.harness.data.DataDirectories;
import io.joulebench.harness.data.DataFetchException;
import io.joulebench.harness.data.DatasetCatalog;
import io.joulebench.harness.data.DatasetFetcher;
import io.joulebench.harness.data.FetchOptions;
import io.joulebench.harness.data.FetchResult;
import io.joulebench.harness.data.ProgressListener;
import io.joulebench.harness.data.UnknownDatasetException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code joulebench data}: dataset management; {@code fetch} downloads and verifies the official archives. */
@Command(name = "data", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Datasets: download and verify the official archives.",
        subcommands = {DataCommand.Fetch.class})
public final class DataCommand implements Callable<Integer> {

    private final Supplier<DatasetFetcher> fetcher;
    private final Function<String, String> env;
    private final Path userHome;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The real thing: official catalog, real network, real environment. */
    public DataCommand() {
        // Lazy: building the HTTP client starts threads, which a picocli constructor must not do for --help.
        this(DatasetFetcher::official, System::getenv, Path.of(System.getProperty("user.home")));
    }

    /** For tests: an injected fetcher (own catalog, loopback server), environment and home folder. */
    DataCommand(Supplier<DatasetFetcher> fetcher, Function<String, String> env, Path userHome) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.env = Objects.requireNonNull(env, "env");
        this.userHome = Objects.requireNonNull(userHome, "userHome");
    }

    @Override
    public Integer call() {
        throw new InvalidConfigurationException("missing subcommand; try 'joulebench data fetch NAME'"
                + " (see 'joulebench data --help')");
    }

    /** {@code joulebench data fetch NAME}. */
    @Command(name = "fetch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Download a dataset's official archives, verify their SHA-256, and unpack them into "
                    + "DATA_DIR/NAME. Safe to rerun: verified files are skipped and interrupted downloads resume.",
                    "Datasets: mnist, fashion-mnist, cifar-10, cifar-100."})
    public static final class Fetch implements Callable<Integer> {

        @CommandLine.ParentCommand
        DataCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "Dataset id, e.g. fashion-mnist.")
        String name;

        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "Data directory (default: $JOULEBENCH_DATA, else ~/.joulebench/data).")
        Path dataDir;

        @Option(names = "--mirror", paramLabel = "URL",
                description = "Base URL replacing the official hosts' (file names are appended to it).")
        String mirror;

        @Option(names = "--from", paramLabel = "DIR",
                description = "Take the archives from DIR (downloaded by hand) instead of the network; "
                        + "they are verified all the same.")
        Path from;

        @Option(names = "--force", description = "Fetch again even if a verified copy is present.")
        boolean force;

        @Override
        public Integer call() throws DataFetchException {
            // Failures are thrown: the one mapping (CliErrors) prints them and picks the exit code.
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (mirror != null && from != null) {
                throw new InvalidConfigurationException("--mirror and --from exclude each other; give only one");
            }
            Optional<URI> mirrorUri = mirror == null ? Optional.empty() : Optional.of(httpUri(mirror));
            DatasetFetcher f = parent.fetcher.get();
            DatasetCatalog catalog = f.catalog();
            if (catalog.find(name).isEmpty()) {
                throw new UnknownDatasetException(name, catalog.ids());
            }
            Path dir = DataDirectories.resolve(Optional.ofNullable(dataDir), parent.env, parent.userHome);
            ConsoleProgress progress = new ConsoleProgress(err, System.console() != null);
            FetchOptions options = new FetchOptions(dir, mirrorUri, Optional.ofNullable(from), force, progress);
            try {
                FetchResult result = f.fetch(name, options);
                progress.finish();
                for (FetchResult.FileOutcome o : result.files()) {
                    out.println(String.format(Locale.ROOT, "%-15s %s  %s", o.status().name().toLowerCase(Locale.ROOT)
                            .replace('_', ' '), o.file().sha256(), o.path()));
                }
                out.println(name + " is ready in " + result.directory());
                return 0;
            } finally {
                progress.finish();
            }
        }

        private static URI httpUri(String s) {
            URI uri;
            try {
                uri = new URI(s);
            } catch (URISyntaxException e) {
                throw new InvalidConfigurationException("--mirror '" + s + "' is not a URL; give e.g."
                        + " https://example.org/datasets/mnist/");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new InvalidConfigurationException("--mirror '" + s + "' must be an http or https URL; for a"
                        + " local folder use --from DIR");
            }
            return uri;
        }
    }

    /** A one-line progress bar on a terminal, redrawn at most every 200 ms; silent when not a terminal. */
    static final class ConsoleProgress implements ProgressListener {
        private static final int WIDTH = 30;
        private final PrintWriter err;
        private final boolean enabled;
        private long lastDrawNanos;
        private boolean drawn;

        ConsoleProgress(PrintWriter err, boolean enabled) {
            this.err = err;
            this.enabled = enabled;
        }

        @Override
        public void onProgress(String fileName, long bytesDone, long bytesTotal) {
            if (!enabled) {
                return;
            }
            long now = System.nanoTime();
            boolean complete = bytesDone >= bytesTotal;
            if (!complete && drawn && now - lastDrawNanos < 200_000_000L) {
                return;
            }
            lastDrawNanos = now;
            double fraction = bytesTotal > 0 ? Math.min(1.0, (double) bytesDone / bytesTotal) : 0.0;
            int filled = (int) Math.round(fraction * WIDTH);
            err.print(String.format(Locale.ROOT, "\r%-28s [%s%s] %3d%% %7.1f/%.1f MB", fileName,
                    "#".repeat(filled), " ".repeat(WIDTH - filled), Math.round(fraction * 100),
                    bytesDone / 1e6, bytesTotal / 1e6));
            drawn = true;
            if (complete) {
                err.println();
                drawn = false;
            }
            err.flush();
        }

        void finish() {
            if (enabled && drawn) {
                err.println();
                err.flush();
                drawn = false;
            }
        }
    }
}
