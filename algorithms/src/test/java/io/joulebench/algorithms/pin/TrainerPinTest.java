package io.joulebench.algorithms.pin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.joulebench.algorithms.EpochStats;
import io.joulebench.algorithms.TrainingResult;
import io.joulebench.algorithms.data.Dataset;
import io.joulebench.algorithms.local.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Pins every trainer's outcome on a cut of the embedded subset with a fixed seed, bit for bit: test accuracy and
 * loss, epochs (per stage), the best epoch, the stop reason, samples seen, flops and every epoch's validation
 * figures. A refactoring of the training loops must leave all of it unchanged; a deliberate change of results
 * regenerates the file with {@code -Djoulebench.pins.update=true} and says why in its commit.
 */
class TrainerPinTest {
    private static final String RESOURCE = "/pins/trainer-pins.txt";
    private static final long SEED = 7;

    /** One pinned configuration: a name, a trainer and its parameters (small enough for CI). */
    private record Case(String name, String trainer, Map<String, String> params) {
    }

    private static List<Case> cases() {
        String mlp = "hidden=48,32 epochs=4 patience=1 batch-size=50";
        return List.of(
                c("bp-mlp-local", "bp-mlp", mlp + " lr=2e-3 epochs=8 min-delta=0.02"),
                c("bp-mlp-dl4j", "bp-mlp", mlp + " lr=2e-3 engine=dl4j"),
                c("bp-mlp-pytorch-init", "bp-mlp", mlp + " output-init=pytorch"),
                c("bp-cnn-local", "bp-cnn", "channels=4,8 epochs=3 patience=1 batch-size=64 lr=2e-3"),
                c("bp-cnn-dl4j", "bp-cnn", "channels=4,8 epochs=2 batch-size=64 lr=2e-3 engine=dl4j"),
                c("mf-sequential-cached", "mf", mlp + " lr=2e-3 epochs=6 min-delta=0.03"),
                c("mf-sequential-recomputed", "mf", mlp + " lr=2e-3 cache-frozen=false"),
                c("mf-simultaneous", "mf", mlp + " lr=2e-3 schedule=simultaneous"),
                c("ff-goodness-adamw", "ff", "hidden=48,32 epochs=5 patience=2 batch-size=50 lr-ff=2e-3 min-delta=1"),
                c("ff-classifier-sgd", "ff", "hidden=48,32 epochs=3 batch-size=50 optimizer=sgd inference=classifier"),
                c("cafo-rand-ce", "cafo-rand", "channels=4,8,8 epochs=6 patience=1 batch-size=64 lr=2e-3 min-delta=0.02"),
                c("cafo-rand-ls-softmax", "cafo-rand", "channels=4,8 loss=ls inference=softmax batch-size=64"),
                c("cafo-dfa", "cafo-dfa", "channels=4,8 dfa-epochs=2 dfa-lr=1e-3 epochs=2 batch-size=64"),
                c("noprop-dt", "noprop-dt", "blocks=2 channels=4,8 hidden=32 epochs=4 patience=1 lr=5e-3 batch-size=64 min-delta=0.01"),
                c("noprop-dt-prototype", "noprop-dt", "blocks=2 channels=4 hidden=16 embedding=prototype"
                        + " embed-dim=8 epochs=2 batch-size=64"),
                c("bp-noprop", "bp-noprop", "blocks=2 channels=4,8 hidden=32 epochs=3 lr=1e-2 batch-size=64"));
    }

    private static Case c(String name, String trainer, String params) {
        Map<String, String> p = new LinkedHashMap<>();
        for (String kv : params.split(" ")) {
            int eq = kv.indexOf('=');
            p.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return new Case(name, trainer, p);
    }

    @Test
    void everyTrainerReproducesItsPinnedOutcomeBitForBit() throws IOException {
        Dataset data = TestData.smaller(1200, 300);
        StringBuilder actual = new StringBuilder();
        for (Case k : cases()) {
            List<EpochStats> epochs = new ArrayList<>();
            TrainingResult r = TestData.train(k.trainer(), data, k.params(), SEED, epochs);
            actual.append(describe(k, r, epochs));
        }
        String text = actual.toString();
        if (Boolean.getBoolean("joulebench.pins.update")) {
            Path file = Path.of("src/test/resources" + RESOURCE);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return;
        }
        String expected;
        try (InputStream in = TrainerPinTest.class.getResourceAsStream(RESOURCE)) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] want = expected.split("\n");
        String[] got = text.split("\n");
        StringBuilder changed = new StringBuilder();
        for (int i = 0; i < Math.max(want.length, got.length); i++) {
            String w = i < want.length ? want[i] : "(none)";
            String g = i < got.length ? got[i] : "(none)";
            if (!w.equals(g)) {
                changed.append("\nline ").append(i + 1).append(":\n  pinned ").append(w).append("\n  now    ")
                        .append(g);
            }
        }
        assertEquals("", changed.toString(), "pinned outcomes changed");
    }

    /** Doubles as their exact bits (hex), so the smallest rounding change shows. */
    private static String describe(Case k, TrainingResult r, List<EpochStats> epochs) {
        StringBuilder s = new StringBuilder();
        s.append(k.name()).append(' ').append(k.trainer()).append(' ').append(k.params()).append('\n');
        s.append("  test accuracy ").append(r.testAccuracy()).append(" loss ").append(hex(r.testLoss()))
                .append('\n');
        s.append("  epochs ").append(r.epochsRun()).append(' ').append(r.epochsPerStage()).append(" best ")
                .append(r.bestEpoch()).append('\n');
        s.append("  stop ").append(r.stopReason()).append('\n');
        s.append("  samples ").append(r.samplesSeen()).append(" flops ").append(hex(r.flops()))
                .append('\n');
        for (EpochStats e : epochs) {
            s.append("  ").append(e.stage()).append(' ').append(e.epoch()).append(" train ")
                    .append(hex(e.trainLoss())).append(" val ").append(hex(e.validationLoss())).append(' ')
                    .append(e.validationAccuracy()).append(" samples ").append(e.samplesSeen()).append(" flops ")
                    .append(hex(e.flops())).append('\n');
            new TreeMap<>(e.extra()).forEach((key, v) -> s.append("    ").append(key).append(' ').append(hex(v))
                    .append('\n'));
        }
        return s.toString();
    }

    private static String hex(Double d) {
        return d == null ? "none" : Double.toHexString(d);
    }
}
