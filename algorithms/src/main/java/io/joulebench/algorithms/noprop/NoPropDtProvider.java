package io.joulebench.algorithms.noprop;

/** {@code noprop-dt}: NoProp with discrete time (Li, Teh, Pascanu 2025). */
public final class NoPropDtProvider extends NoPropProvider {
    public static final String ID = "noprop-dt";

    public NoPropDtProvider() {
        super(ID, "NoProp-DT: T conv blocks, each trained alone to denoise a label embedding (cosine schedule,"
                + " SNR-weighted loss), DDPM-style inference; one epoch is T data passes", true, NoPropDtTrainer::new);
    }
}
