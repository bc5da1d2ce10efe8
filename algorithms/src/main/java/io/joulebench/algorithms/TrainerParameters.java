package io.joulebench.algorithms;

import java.util.List;

/** The parameters several trainers share, declared once; each trainer declares its own beside its provider. */
public final class TrainerParameters {
    public static final Param<List<Integer>> HIDDEN = Param.intList("hidden");
    public static final Param<List<Integer>> CHANNELS = Param.intList("channels");
    public static final Param<Double> LR = Param.number("lr");
    public static final Param<Double> WEIGHT_DECAY = Param.number("weight-decay");
    public static final Param<Integer> BATCH_SIZE = Param.integer("batch-size");
    public static final Param<Integer> EPOCHS = Param.integer("epochs");
    public static final Param<Integer> PATIENCE = Param.integer("patience");
    public static final Param<Double> MIN_DELTA = Param.number("min-delta");

    private TrainerParameters() {
    }
}
