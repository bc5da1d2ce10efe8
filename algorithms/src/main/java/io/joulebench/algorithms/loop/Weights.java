package io.joulebench.algorithms.loop;

import io.joulebench.algorithms.local.Steps;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A model's weights as the loop keeps and restores them for best-accuracy selection. */
public interface Weights {
    /** Remembers the current weights as the best so far. */
    void keep();

    /** Puts back the weights last kept; called only after a keep. */
    void restore();

    /** Copies of the given arrays, outside every workspace, assigned back on restore. */
    static Weights copies(List<INDArray> state) {
        List<INDArray> best = state.stream().map(Steps::persistentCopy).toList();
        return new Weights() {
            @Override
            public void keep() {
                for (int i = 0; i < best.size(); i++) {
                    best.get(i).assign(state.get(i));
                }
            }

            @Override
            public void restore() {
                for (int i = 0; i < best.size(); i++) {
                    state.get(i).assign(best.get(i));
                }
            }
        };
    }
}
