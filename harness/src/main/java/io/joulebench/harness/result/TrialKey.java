package io.joulebench.harness.result;

import io.joulebench.harness.trial.TrialSpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A trial's identity: the SHA-256 of its canonical spec. Numbers are canonical ({@code 2e-3}, {@code 0.002} and
 * {@code 2.0e-3} are one value), maps are sorted, and every part that changes results is covered: trainer,
 * dataset, preset, parameters, seed, split seed, repetition, protocol and engine settings.
 */
public final class TrialKey {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** Hex digits kept: 64 bits, ample for the trials of one results folder. */
    private static final int LENGTH = 16;

    private TrialKey() {
    }

    public static String of(TrialSpec spec) {
        StringBuilder canonical = new StringBuilder();
        canonical.append("trainer=").append(spec.trainer()).append('\n')
                .append("dataset=").append(spec.dataset()).append('\n')
                .append("preset=").append(spec.preset() == null ? "" : spec.preset()).append('\n')
                .append("seed=").append(spec.seed()).append('\n')
                .append("split-seed=").append(spec.splitSeed()).append('\n')
                .append("repetition=").append(spec.repetition()).append('\n')
                .append("protocol=").append(spec.protocol()).append('\n');
        append(canonical, "param.", spec.parameters());
        append(canonical, "setting.", spec.settings());
        return sha256(canonical.toString()).substring(0, LENGTH);
    }

    private static void append(StringBuilder sb, String prefix, Map<String, String> values) {
        for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
            sb.append(prefix).append(e.getKey()).append('=').append(canonicalValue(e.getValue())).append('\n');
        }
    }

    /** A value with every number in it canonical; lists keep their order, text is lower-cased only for booleans. */
    public static String canonicalValue(String value) {
        if (value == null) {
            return "";
        }
        String[] parts = value.trim().split("\\s*,\\s*", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(canonicalScalar(parts[i]));
        }
        return sb.toString();
    }

    private static String canonicalScalar(String s) {
        if (NUMBER.matcher(s).matches()) {
            BigDecimal d = new BigDecimal(s).stripTrailingZeros();
            return d.signum() == 0 ? "0" : d.toPlainString();
        }
        String lower = s.toLowerCase(Locale.ROOT);
        return lower.equals("true") || lower.equals("false") ? lower : s;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
