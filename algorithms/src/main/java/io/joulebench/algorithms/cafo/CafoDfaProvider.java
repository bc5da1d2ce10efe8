package io.joulebench.algorithms.cafo;

import io.joulebench.algorithms.Param;
import io.joulebench.algorithms.ParameterSpec;
import io.joulebench.algorithms.Preset;
import io.joulebench.algorithms.data.Datasets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code cafo-dfa}: CaFo whose blocks first train by direct feedback alignment; defaults: the study's Fashion-MNIST run. */
public final class CafoDfaProvider extends CafoProvider {
    public static final String ID = "cafo-dfa";
    static final Param<Integer> DFA_EPOCHS = Param.integer("dfa-epochs");
    static final Param<Double> DFA_LR = Param.number("dfa-lr");
    static final Param<Double> DFA_WD = Param.number("dfa-wd");
    private static final PredictorSettings FASHION = new PredictorSettings("3.3045e-4", "3.9676e-5", 85, 6, "1e-3");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Cascaded-Forward with conv blocks first trained by direct feedback alignment (fixed random"
                + " feedback), then per-block linear predictors trained one after another, summed at inference";
    }

    @Override
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> specs = new ArrayList<>(predictorParameters(FASHION));
        specs.add(ParameterSpec.integer(DFA_EPOCHS, 15, 0, 100_000, "epochs of DFA block training"));
        specs.add(ParameterSpec.number(DFA_LR, 1.3847e-4, 1e-8, 10, "Adam learning rate of the DFA phase"));
        specs.add(ParameterSpec.number(DFA_WD, 1.3311e-5, 0, 1, "Adam weight decay (L2) of the DFA phase"));
        return specs;
    }

    @Override
    public List<Preset> presets() {
        String what = "CaFo-DFA";
        return List.of(
                study(Datasets.MNIST, what, with(new PredictorSettings("2.5392e-4", "2.0840e-6", 12, 5, "5e-4"),
                        5, "4.9780e-4", "9.5944e-7")),
                study(Datasets.FASHION_MNIST, what, with(FASHION, 15, "1.3847e-4", "1.3311e-5")),
                study(Datasets.CIFAR_10, what, with(new PredictorSettings("6.6775e-4", "1.5703e-5", 147, 8, "1e-3"),
                        250, "1.3738e-4", "2.9380e-7")),
                study(Datasets.CIFAR_100, what, with(new PredictorSettings("6.6775e-4", "1.5703e-5", 1271, 10,
                        "1e-3"), 200, "1.3738e-4", "2.9380e-7")));
    }

    private static Map<String, String> with(PredictorSettings predictors, int epochs, String lr, String wd) {
        Map<String, String> values = new HashMap<>(predictors.values());
        for (Map.Entry<String, String> e : List.of(DFA_EPOCHS.is(epochs), DFA_LR.is(lr), DFA_WD.is(wd))) {
            values.put(e.getKey(), e.getValue());
        }
        return values;
    }

    @Override
    boolean dfa() {
        return true;
    }
}
