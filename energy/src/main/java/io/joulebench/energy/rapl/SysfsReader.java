package io.joulebench.energy.rapl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads one small sysfs attribute; injected so tests can simulate permission errors as root. */
@FunctionalInterface
public interface SysfsReader {

    /** The file's content, trimmed. */
    String read(Path file) throws IOException;

    /** Reads with {@link Files#readString}. */
    SysfsReader FILES = file -> Files.readString(file, StandardCharsets.US_ASCII).trim();
}
