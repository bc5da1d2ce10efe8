package io.joulebench.harness.data;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Downloads one archive over HTTP(S) into {@code <target>.part}, resuming a partial file with a Range request,
 * verifies size and SHA-256, and only then moves it atomically to {@code target}.
 */
public final class Downloader {

    /** Suffix of the file a download is written to until it is verified. */
    public static final String PART_SUFFIX = ".part";

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final HttpClient client;
    private final Duration requestTimeout;
    private final Duration stallTimeout;
    private final int attemptsPerUrl;
    private final Duration retryPause;

    /**
     * @param client         the HTTP client (its connect timeout and redirect policy apply)
     * @param requestTimeout how long to wait for the response headers of one request
     * @param stallTimeout   how long the body may deliver nothing before the connection is given up (and resumed)
     * @param attemptsPerUrl tries per URL when the connection fails or drops; each retry resumes
     * @param retryPause     pause before a retry (multiplied by the attempt number)
     */
    public Downloader(HttpClient client, Duration requestTimeout, Duration stallTimeout, int attemptsPerUrl,
                      Duration retryPause) {
        this.client = Objects.requireNonNull(client, "client");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.stallTimeout = Objects.requireNonNull(stallTimeout, "stallTimeout");
        if (attemptsPerUrl < 1) {
            throw new IllegalArgumentException("attemptsPerUrl must be at least 1: " + attemptsPerUrl);
        }
        this.attemptsPerUrl = attemptsPerUrl;
        this.retryPause = Objects.requireNonNull(retryPause, "retryPause");
    }

    /** Network defaults: 30 s to connect, 60 s for headers, 60 s without data counts as a stall, 3 tries per URL. */
    public static Downloader withDefaults() {
        return new Downloader(defaultClient(Duration.ofSeconds(30)), Duration.ofSeconds(60), Duration.ofSeconds(60),
                3, Duration.ofSeconds(2));
    }

    /** An HTTP/1.1 client that follows redirects (never https to http) on named daemon threads. */
    public static HttpClient defaultClient(Duration connectTimeout) {
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "joulebench-http-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // HTTP/1.1: predictable Range handling on plain-http hosts (no h2c upgrade dance).
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(connectTimeout)
                .executor(executor)
                .build();
    }

    /** The partial file a download of {@code target} is written to. */
    public static Path partFile(Path target) {
        return target.resolveSibling(target.getFileName() + PART_SUFFIX);
    }

    /**
     * Downloads {@code file} from the first of {@code urls} that works into {@code target}.
     * An existing {@code target} is replaced only once the new file is verified.
     */
    public void download(ArchiveFile file, List<URI> urls, Path target, ProgressListener progress)
            throws DataFetchException {
        Path part = partFile(target);
        List<String> failures = new ArrayList<>();
        URI used = null;
        for (URI url : urls) {
            if (tryUrl(file, url, part, progress, failures)) {
                used = url;
                break;
            }
        }
        if (used == null) {
            throw new DownloadException(file.fileName(), "could not download " + file.fileName() + " ("
                    + String.join("; ", failures) + "); check the network, or use --mirror URL or --from DIR");
        }
        verify(file, part, used.toString());
        moveIntoPlace(file, part, target);
    }

    /** Moves a verified file into place, atomically where the file system can. */
    static void moveIntoPlace(ArchiveFile file, Path verified, Path target) throws DownloadException {
        try {
            try {
                Files.move(verified, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(verified, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new DownloadException(file.fileName(), "could not move " + verified + " to " + target + ": "
                    + describe(e) + "; check the permissions of " + target.getParent(), e);
        }
    }

    /** Checks size and SHA-256 of a complete download; a bad file is deleted. */
    static void verify(ArchiveFile file, Path part, String source) throws DataFetchException {
        verify(file, part, source, "the download was deleted: run the command again; if it fails the same way,"
                + " the server or mirror is serving a different file (try another --mirror)");
    }

    /** As {@link #verify(ArchiveFile, Path, String)}, with the advice to give on a mismatch. */
    static void verify(ArchiveFile file, Path part, String source, String fix) throws DataFetchException {
        String actual;
        long size;
        try {
            size = Files.size(part);
            actual = Sha256.of(part);
        } catch (IOException e) {
            throw new DownloadException(file.fileName(), "could not read " + part + ": " + describe(e), e);
        }
        if (!actual.equals(file.sha256())) {
            deleteQuietly(part);
            String sizeNote = size == file.sizeBytes() ? "" : " (" + size + " bytes, published size "
                    + file.sizeBytes() + ")";
            throw new ChecksumMismatchException(file.fileName(), file.fileName() + " from " + source + sizeNote,
                    file.sha256(), actual, fix);
        }
    }

    private boolean tryUrl(ArchiveFile file, URI url, Path part, ProgressListener progress, List<String> failures)
            throws DataFetchException {
        String last = "";
        int tries = 0;
        try {
            for (int attempt = 1; attempt <= attemptsPerUrl; attempt++) {
                tries = attempt;
                try {
                    transfer(file, url, part, progress);
                    return true;
                } catch (HttpStatusException e) {
                    last = "HTTP " + e.status;
                    // 4xx will not change on retry; 5xx might.
                    if (e.status < 500) {
                        return false;
                    }
                } catch (IOException e) {
                    last = describe(e);
                }
                if (attempt < attemptsPerUrl) {
                    pause(retryPause.multipliedBy(attempt), file);
                }
            }
            return false;
        } finally {
            if (!last.isEmpty()) {
                failures.add(url + ": " + last + (tries > 1 ? " (" + tries + " tries)" : ""));
            }
        }
    }

    /** One request; on return the .part file holds everything the server sent (complete or not). */
    private void transfer(ArchiveFile file, URI url, Path part, ProgressListener progress)
            throws IOException, DataFetchException {
        long have = Files.exists(part) ? Files.size(part) : 0L;
        if (have > file.sizeBytes()) {
            // Longer than the real file: cannot be a prefix of it.
            Files.delete(part);
            have = 0L;
        }
        if (have == file.sizeBytes()) {
            return; // complete from an earlier run; verification decides
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(requestTimeout).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofPublisher());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(file, e);
        }
        // A queue fed by the body publisher: unlike a blocking InputStream, it lets a stalled body time out.
        BodyQueue body = new BodyQueue();
        response.body().subscribe(body);
        try {
            int status = response.statusCode();
            boolean append;
            if (status == 206 && have > 0) {
                long start = contentRangeStart(response);
                if (start != have) {
                    Files.deleteIfExists(part);
                    throw new IOException("server resumed at byte " + start + " instead of " + have
                            + "; restarting from scratch");
                }
                append = true;
            } else if (status == 200) {
                append = false; // server ignored the Range header: start over
                have = 0L;
            } else if (status == 416) {
                Files.deleteIfExists(part);
                throw new IOException("server refused to resume (HTTP 416); restarting from scratch");
            } else {
                throw new HttpStatusException(status);
            }
            OpenOption[] options = append
                    ? new OpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.APPEND}
                    : new OpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                            StandardOpenOption.WRITE};
            copy(file, url, body, part, options, have, progress);
        } finally {
            body.cancel();
        }
    }

    private void copy(ArchiveFile file, URI url, BodyQueue body, Path part, OpenOption[] options, long have,
                      ProgressListener progress) throws IOException, DataFetchException {
        long done = have;
        progress.onProgress(file.fileName(), done, file.sizeBytes());
        try (WritableByteChannel out = Files.newByteChannel(part, options)) {
            for (List<ByteBuffer> chunk; (chunk = next(body, file)) != null; ) {
                for (ByteBuffer buffer : chunk) {
                    int n = buffer.remaining();
                    if (done + n > file.sizeBytes()) {
                        out.close();
                        deleteQuietly(part);
                        // Refuse to fill the disk with something that cannot be the published file.
                        throw new DownloadException(file.fileName(), file.fileName() + " from " + url
                                + ": the server sent more than the published " + file.sizeBytes() + " bytes; the"
                                + " download was deleted: the server or mirror is serving a different file");
                    }
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                    done += n;
                }
                progress.onProgress(file.fileName(), done, file.sizeBytes());
            }
        }
    }

    private List<ByteBuffer> next(BodyQueue body, ArchiveFile file) throws IOException, DownloadException {
        try {
            return body.next(stallTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(file, e);
        }
    }

    private static DownloadException interrupted(ArchiveFile file, InterruptedException e) {
        return new DownloadException(file.fileName(), "download of " + file.fileName() + " was interrupted;"
                + " run the command again to resume", e);
    }

    /** Receives the body one list of buffers at a time, asking for the next only when the last was taken. */
    private static final class BodyQueue implements Flow.Subscriber<List<ByteBuffer>> {
        private static final Object END = new Object();
        private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
        private volatile boolean cancelled;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription.set(s);
            if (cancelled) {
                s.cancel();
            } else {
                s.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            queue.add(item);
        }

        @Override
        public void onError(Throwable t) {
            queue.add(t);
        }

        @Override
        public void onComplete() {
            queue.add(END);
        }

        /** The next buffers, or null at the end of the body. */
        @SuppressWarnings("unchecked")
        List<ByteBuffer> next(Duration timeout) throws IOException, InterruptedException {
            Object o = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (o == null) {
                cancel();
                throw new IOException("no data received for " + timeout.toSeconds() + " s");
            }
            if (o == END) {
                return null;
            }
            if (o instanceof Throwable t) {
                throw t instanceof IOException io ? io : new IOException(describe(t), t);
            }
            subscription.get().request(1);
            return (List<ByteBuffer>) o;
        }

        void cancel() {
            cancelled = true;
            Flow.Subscription s = subscription.get();
            if (s != null) {
                s.cancel();
            }
        }
    }

    private static long contentRangeStart(HttpResponse<?> response) throws IOException {
        // Content-Range: bytes START-END/TOTAL
        String value = response.headers().firstValue("Content-Range").orElse("");
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!v.startsWith("bytes ") || v.indexOf('-') < 0) {
            throw new IOException("206 response without a usable Content-Range header: '" + value + "'");
        }
        try {
            return Long.parseLong(v.substring(6, v.indexOf('-')).trim());
        } catch (NumberFormatException e) {
            throw new IOException("unreadable Content-Range header: '" + value + "'", e);
        }
    }

    private static void pause(Duration d, ArchiveFile file) throws DownloadException {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(file, e);
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // Best effort: the caller is already reporting a more important failure.
        }
    }

    /** An exception as a short phrase: its message, its cause's, or a plain name for message-less ones. */
    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && !m.isBlank()) {
                return m;
            }
            if (t instanceof java.net.ConnectException) {
                return "connection refused";
            }
            if (t instanceof java.net.http.HttpTimeoutException) {
                return "timed out";
            }
        }
        return e.getClass().getSimpleName();
    }

    /** A non-success HTTP status; only used inside this class. */
    private static final class HttpStatusException extends IOException {
        private final int status;

        HttpStatusException(int status) {
            super("HTTP " + status);
            this.status = status;
        }
    }
}
