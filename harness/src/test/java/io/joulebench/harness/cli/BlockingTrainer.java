package io.joulebench.harness.cli;

import io.joulebench.algorithms.EpochStart;
import io.joulebench.algorithms.EpochStats;
import io.joulebench.algorithms.ParameterSpec;
import io.joulebench.algorithms.Trainer;
import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.TrainerProvider;
import io.joulebench.algorithms.TrainingResult;
import java.util.List;
import java.util.Map;

/**
 * A test trainer ({@code test-block}) for signal and kill tests in a child JVM: two quick epochs, except that the
 * trial whose seed is in {@code $JOULEBENCH_TEST_BLOCK_SEED} prints {@code BLOCKING} after its first epoch and
 * waits until the process is signalled or killed. The environment, not a parameter, so a resume has the same spec.
 */
public final class BlockingTrainer implements TrainerProvider {
    @Override
    public String id() {
        return "test-block";
    }

    @Override
    public String description() {
        return "test only: blocks in the trial named by $JOULEBENCH_TEST_BLOCK_SEED";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.integer("epochs", 2, 1, 10, "epochs"));
    }

    @Override
    public Trainer create(TrainerConfig config) {
        return (task, listener) -> {
            int n = config.getInt("epochs");
            boolean block = String.valueOf(task.seed()).equals(System.getenv("JOULEBENCH_TEST_BLOCK_SEED"));
            for (int e = 1; e <= n; e++) {
                listener.onEpochStart(new EpochStart("main", e, n));
                if (e == 2 && block) {
                    System.out.println("BLOCKING");
                    System.out.flush();
                    while (true) {
                        try {
                            Thread.sleep(60_000);
                        } catch (InterruptedException ignored) {
                            // only a signal or a kill ends this trial
                        }
                    }
                }
                listener.onEpochEnd(new EpochStats("main", e, 1.0 / e, null, 0.5, 10L * e, e, null, Map.of()));
            }
            listener.onTestStart();
            return new TrainingResult(0.5, null, n, Map.of("main", n), n, "max-epochs", 10L * n, null);
        };
    }
}
