package io.joulebench.harness.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The study's reference figures (arXiv 2509.19063, shipped as {@value #RESOURCE} with its source lines): each
 * algorithm row and its backprop twin, so ratios are computed the same way as ours (algorithm / twin).
 */
public record ReferenceStudy(List<String> source, List<Row> rows) {
    public static final String RESOURCE = "/reference/beyond-bp.csv";
    static final String SUBSET = "-subset";

    /** One row of the csv; twinOf is set on the backprop rows ("mf", "ff", "cafo"). */
    public record Row(String algorithm, String twinOf, String dataset, String model, double accuracyPct,
                      double trainSeconds, double gpuWh, double co2Grams, String note) {
    }

    /** An algorithm row with its twin: the study's accuracy difference and cost ratios. */
    public record Pair(Row algorithm, Row twin) {
        public double accuracyDeltaPp() {
            return algorithm.accuracyPct() - twin.accuracyPct();
        }

        public double timeRatio() {
            return algorithm.trainSeconds() / twin.trainSeconds();
        }

        public double energyRatio() {
            return algorithm.gpuWh() / twin.gpuWh();
        }
    }

    public static ReferenceStudy load() {
        try (InputStream in = ReferenceStudy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar; rebuild JouleBench");
            }
            List<String> source = new ArrayList<>();
            List<Row> rows = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#")) {
                    source.add(line.substring(1).trim());
                } else if (header) {
                    header = false; // algorithm,twin_of,dataset,model,test_acc_pct,...
                } else if (!line.isBlank()) {
                    String[] f = line.split(",", -1);
                    rows.add(new Row(f[0], f[1], f[2], f[3], Double.parseDouble(f[4]), Double.parseDouble(f[6]),
                            Double.parseDouble(f[7]), Double.parseDouble(f[9]), f.length > 12 ? f[12] : ""));
                }
            }
            return new ReferenceStudy(List.copyOf(source), List.copyOf(rows));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /**
     * The study's row for our trainer on a dataset, with its twin: mf, ff (ff-adamw, or ff-sgd with optimizer
     * sgd), cafo-rand, cafo-dfa. {@code hidden} (e.g. "2000,2000,2000,2000") picks the model where several match.
     */
    public Optional<Pair> find(String trainer, String optimizer, String dataset, String hidden) {
        Optional<Pair> exact = findExactly(trainer, optimizer, dataset, hidden);
        // The embedded demo subset (fashion-mnist-subset) is set beside the study's full dataset, labelled so.
        return exact.isPresent() || !dataset.endsWith(SUBSET) ? exact
                : findExactly(trainer, optimizer, dataset.substring(0, dataset.length() - SUBSET.length()), hidden);
    }

    private Optional<Pair> findExactly(String trainer, String optimizer, String dataset, String hidden) {
        String alg = switch (trainer) {
            case "ff" -> "sgd".equalsIgnoreCase(optimizer) ? "ff-sgd" : "ff-adamw";
            default -> trainer;
        };
        List<Row> candidates = rows.stream().filter(r -> r.twinOf().isEmpty() && r.algorithm().equals(alg)
                && r.dataset().equals(dataset)).toList();
        Row chosen = candidates.stream().filter(r -> modelMatches(r.model(), hidden)).findFirst()
                .orElse(candidates.isEmpty() ? null : candidates.get(0));
        if (chosen == null) {
            return Optional.empty();
        }
        String family = alg.startsWith("ff") ? "ff" : alg.startsWith("cafo") ? "cafo" : alg;
        return rows.stream().filter(r -> r.algorithm().equals("bp") && r.twinOf().equals(family)
                        && r.dataset().equals(dataset) && r.model().equals(chosen.model())).findFirst()
                .map(t -> new Pair(chosen, t));
    }

    /** "mlp-4x2000" against hidden sizes "2000,2000,2000,2000". */
    private static boolean modelMatches(String model, String hidden) {
        if (hidden == null || !model.startsWith("mlp-")) {
            return false;
        }
        String[] sizes = hidden.replace(" ", "").split(",");
        String[] m = model.substring(4).split("x");
        return m.length == 2 && m[0].equals(Integer.toString(sizes.length))
                && java.util.Arrays.stream(sizes).allMatch(m[1]::equals);
    }
}
