package io.joulebench.algorithms.external;

import static io.joulebench.algorithms.TrainerParameters.EPOCHS;
import static io.joulebench.algorithms.TrainerParameters.PATIENCE;

import io.joulebench.algorithms.Param;
import io.joulebench.algorithms.ParameterSpec;
import io.joulebench.algorithms.Trainer;
import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.TrainerProvider;
import java.util.List;

/**
 * {@code external}: a command (a PyTorch script, a binary, anything) is the trial's workload; it reports its epochs
 * and result as JSON lines (docs/external-trainers.md) and is metered like any trial.
 */
public final class ExternalProvider implements TrainerProvider {
    public static final String ID = "external";
    static final Param<String> COMMAND = Param.text("command");
    static final Param<String> WORKDIR = Param.text("workdir");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "runs a command as the trial's workload (any framework); it reports epochs and its test result as"
                + " JSON lines to the file named by $JOULEBENCH_EVENTS (docs/external-trainers.md)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.text(COMMAND, "", 1, "the command, run by /bin/sh -c; placeholders {seed},"
                        + " {split-seed}, {epochs}, {patience}, {dataset}, {data}, {events}, {workdir}"),
                ParameterSpec.text(WORKDIR, ".", 1, "the folder the command runs in"),
                ParameterSpec.integer(EPOCHS, 10, 1, 100_000, "maximum epochs, passed as {epochs}"),
                ParameterSpec.integer(PATIENCE, 10, 1, 100_000, "early-stopping patience, passed as {patience}"));
    }

    @Override
    public Trainer create(TrainerConfig config) {
        return new ExternalTrainer(config.get(COMMAND), config.get(WORKDIR), config.get(EPOCHS),
                config.get(PATIENCE));
    }
}
