package io.joulebench.algorithms.noprop;

/** {@code bp-noprop}: the NoProp-DT architecture trained end to end by backprop (its twin). */
public final class BpNoPropProvider extends NoPropProvider {
    public static final String ID = "bp-noprop";

    public BpNoPropProvider() {
        super(ID, "backprop twin of NoProp-DT: the same T blocks run as the inference chain z_0 -> z_T,"
                + " trained end to end with cross-entropy; one epoch is one data pass", false, BpNoPropTrainer::new);
    }
}
