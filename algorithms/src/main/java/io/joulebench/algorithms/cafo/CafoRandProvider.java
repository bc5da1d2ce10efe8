package io.joulebench.algorithms.cafo;

import io.joulebench.algorithms.ParameterSpec;
import io.joulebench.algorithms.Preset;
import io.joulebench.algorithms.data.Datasets;
import java.util.List;

/** {@code cafo-rand}: CaFo with random, frozen blocks; defaults are the study's Fashion-MNIST run. */
public final class CafoRandProvider extends CafoProvider {
    public static final String ID = "cafo-rand";
    private static final PredictorSettings FASHION = new PredictorSettings("1.3738e-3", "2.9375e-7", 145, 10, "0");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Cascaded-Forward with random frozen conv blocks: per-block linear predictors trained one after"
                + " another (Adam, CE or least squares), summed at inference";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return predictorParameters(FASHION);
    }

    @Override
    public List<Preset> presets() {
        String what = "CaFo-Rand";
        return List.of(
                study(Datasets.MNIST, what, new PredictorSettings("1e-3", "0", 10, 20, "5e-4").values()),
                study(Datasets.FASHION_MNIST, what, FASHION.values()),
                study(Datasets.CIFAR_10, what,
                        new PredictorSettings("2.4112e-4", "6.3584e-6", 733, 8, "1e-3").values()),
                study(Datasets.CIFAR_100, what,
                        new PredictorSettings("2.4112e-4", "6.3584e-6", 1220, 10, "1e-3").values()));
    }

    @Override
    boolean dfa() {
        return false;
    }
}
