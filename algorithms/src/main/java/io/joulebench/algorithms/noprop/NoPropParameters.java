package io.joulebench.algorithms.noprop;

import static io.joulebench.algorithms.TrainerParameters.BATCH_SIZE;
import static io.joulebench.algorithms.TrainerParameters.CHANNELS;
import static io.joulebench.algorithms.TrainerParameters.EPOCHS;
import static io.joulebench.algorithms.TrainerParameters.LR;
import static io.joulebench.algorithms.TrainerParameters.MIN_DELTA;
import static io.joulebench.algorithms.TrainerParameters.PATIENCE;
import static io.joulebench.algorithms.TrainerParameters.WEIGHT_DECAY;

import io.joulebench.algorithms.Param;
import io.joulebench.algorithms.ParameterSpec;
import io.joulebench.algorithms.Preset;
import io.joulebench.algorithms.data.Datasets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parameters both NoProp trainers take, declared once, and the paper's Table 3 presets. */
final class NoPropParameters {
    static final Param<Integer> BLOCKS = Param.integer("blocks");
    static final Param<String> EMBEDDING = Param.text("embedding");
    static final Param<Integer> EMBED_DIM = Param.integer("embed-dim");
    /** One width h here, where the MLP trainers' {@code hidden} lists their layers' widths. */
    static final Param<Integer> HIDDEN = Param.integer("hidden");
    static final Param<Double> ETA = Param.number("eta");
    static final Param<String> HEAD_INIT = Param.text("head-init");
    static final String ONE_HOT = "one-hot";
    static final String PROTOTYPE = "prototype";
    static final String PAPER = "paper";
    static final String NEAREST_EMBEDDING = "nearest-embedding";
    static final String PYTORCH = "pytorch";

    private NoPropParameters() {
    }

    /** {@code withEta}: NoProp-DT's (the DT loss weight); without, the BP twin's (no denoising term, a head init). */
    static List<ParameterSpec> specs(boolean withEta) {
        List<ParameterSpec> specs = new ArrayList<>(List.of(
                ParameterSpec.integer(BLOCKS, 10, 1, 1000, "T, the number of denoising blocks"),
                ParameterSpec.choice(EMBEDDING, ONE_HOT, List.of(ONE_HOT, PROTOTYPE),
                        "class embedding: fixed one-hot (d = classes) or learned prototypes (d = embed-dim)"),
                ParameterSpec.integer(EMBED_DIM, 256, 1, 65_536, "d, the prototype embedding size (ignored for"
                        + " one-hot)"),
                ParameterSpec.integer(HIDDEN, 256, 1, 65_536, "h, the width of the latent path and the fusion"),
                ParameterSpec.intList(CHANNELS, "32,64,128", 1, 4096, "conv channels of each block's image path"),
                ParameterSpec.number(LR, 1e-3, 1e-8, 10, "AdamW learning rate"),
                ParameterSpec.number(WEIGHT_DECAY, 1e-3, 0, 1, "AdamW decoupled weight decay"),
                ParameterSpec.integer(BATCH_SIZE, 128, 1, 65_536, "training batch size (validation and test use"
                        + " twice this)"),
                ParameterSpec.integer(EPOCHS, 100, 1, 100_000, "maximum number of epochs"),
                ParameterSpec.integer(PATIENCE, 10, 1, 100_000, "epochs without validation-loss improvement"
                        + " before stopping"),
                ParameterSpec.number(MIN_DELTA, 0, 0, 1e9, "smallest validation-loss decrease that counts as an"
                        + " improvement")));
        if (withEta) {
            specs.add(ParameterSpec.number(ETA, 0.1, 0, 1e6, "eta, the weight of the SNR-weighted denoising term"));
        } else {
            specs.add(ParameterSpec.choice(HEAD_INIT, NEAREST_EMBEDDING, List.of(NEAREST_EMBEDDING, PYTORCH),
                    "the head's initial weights: the nearest-class-embedding readout (ours), or PyTorch's default"
                            + " (the blocks then commit to its random class mapping and learn slowly)"));
        }
        return specs;
    }

    /** Table 3 of the paper (MNIST, CIFAR-10, CIFAR-100) and our Fashion-MNIST setting. */
    static List<Preset> presets(boolean withEta) {
        List<Preset> presets = new ArrayList<>();
        String table = "the paper's Table 3: T 10, eta 0.1, AdamW lr 1e-3, wd 1e-3, batch 128, ";
        presets.add(preset(Datasets.MNIST, table + "100 epochs", 100, withEta));
        presets.add(preset(Datasets.CIFAR_10, table + "150 epochs", 150, withEta));
        presets.add(preset(Datasets.CIFAR_100, table + "150 epochs", 150, withEta));
        presets.add(preset(Datasets.FASHION_MNIST, "ours, not the paper's (it has no Fashion-MNIST run): its MNIST"
                + " setting, T 10, eta 0.1, AdamW lr 1e-3, wd 1e-3, batch 128, 100 epochs", 100, withEta));
        return presets;
    }

    private static Preset preset(String dataset, String description, int epochs, boolean withEta) {
        Map<String, String> values = new LinkedHashMap<>(Map.ofEntries(BLOCKS.is(10), LR.is("1e-3"),
                WEIGHT_DECAY.is("1e-3"), BATCH_SIZE.is(128), EPOCHS.is(epochs), EMBEDDING.is(ONE_HOT)));
        if (withEta) {
            values.put(ETA.name(), "0.1");
        }
        return new Preset(PAPER, dataset, description, values);
    }
}
