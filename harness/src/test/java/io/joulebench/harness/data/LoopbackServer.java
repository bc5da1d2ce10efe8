package io.joulebench.harness.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback HTTP server serving byte arrays under /files/, with knobs for the failure modes the tests need. */
final class LoopbackServer implements AutoCloseable {

    /** One request as the server saw it: path and Range header ("" when absent). */
    record Request(String path, String range) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Whether Range requests get a 206; when false the server always answers 200 with the whole file. */
    volatile boolean honourRange = true;
    /** When positive, this many upcoming responses send only half the body and drop the connection. */
    final AtomicInteger dropHalfway = new AtomicInteger();
    /** When positive, this many upcoming responses send half the body, then nothing for {@link #stallMillis}. */
    final AtomicInteger stallHalfway = new AtomicInteger();
    volatile long stallMillis = 3_000;

    LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        // Several threads: a stalled response must not block the client's retry.
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "loopback-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
    }

    void put(String name, byte[] content) {
        files.put(name, content);
    }

    /** The base URL files are served under, ending with '/'. */
    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/files/");
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String range = ex.getRequestHeaders().getFirst("Range");
        requests.add(new Request(path, range == null ? "" : range));
        byte[] content = path.startsWith("/files/") ? files.get(path.substring("/files/".length())) : null;
        if (content == null) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        int start = 0;
        int status = 200;
        if (range != null && honourRange) {
            String r = range.toLowerCase(Locale.ROOT);
            start = Integer.parseInt(r.substring("bytes=".length(), r.indexOf('-')));
            if (start >= content.length) {
                ex.sendResponseHeaders(416, -1);
                ex.close();
                return;
            }
            status = 206;
            ex.getResponseHeaders().set("Content-Range",
                    "bytes " + start + "-" + (content.length - 1) + "/" + content.length);
        }
        int length = content.length - start;
        ex.sendResponseHeaders(status, length);
        OutputStream out = ex.getResponseBody();
        if (dropHalfway.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            out.write(content, start, length / 2);
            out.flush();
            // An exception escaping the handler makes the JDK server close the socket: a connection lost mid-body.
            throw new IllegalStateException("simulated connection drop");
        }
        if (stallHalfway.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            out.write(content, start, length / 2);
            out.flush();
            try {
                Thread.sleep(stallMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("simulated stall");
        }
        out.write(content, start, length);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
