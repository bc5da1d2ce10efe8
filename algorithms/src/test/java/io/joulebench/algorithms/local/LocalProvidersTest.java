package io.joulebench.algorithms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.algorithms.EpochStats;
import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.TrainerProvider;
import io.joulebench.algorithms.TrainerRegistry;
import io.joulebench.algorithms.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalProvidersTest {
    private final TrainerRegistry registry = TrainerRegistry.load();

    @Test
    void mfStudyPresetsFollowTheSettingsTable() {
        TrainerProvider mf = registry.get("mf");
        for (String family : List.of("mnist", "fashion-mnist", "cifar-10", "cifar-100")) {
            assertEquals(Optional.of("study"), mf.defaultPreset(family));
        }
        TrainerConfig fm = TrainerConfig.resolve(mf, mf.preset("study", "fashion-mnist").values(), Map.of());
        assertEquals(List.of(1000, 1000), fm.getIntList("hidden"));
        assertEquals(3.8731e-4, fm.getDouble("lr"));
        assertEquals(12, fm.getInt("epochs"));
        assertEquals(10, fm.getInt("patience"));
        assertEquals(1e-4, fm.getDouble("min-delta"));
        assertEquals(128, fm.getInt("batch-size"));
        assertEquals("sequential", fm.getString("schedule"));
        TrainerConfig c100 = TrainerConfig.resolve(mf, mf.preset("study", "cifar-100").values(), Map.of());
        assertEquals(List.of(2000, 2000, 2000), c100.getIntList("hidden"));
        assertEquals(1.7278e-4, c100.getDouble("lr"));
        assertEquals(8, c100.getInt("epochs"));
        assertEquals(4, c100.getInt("patience"));
    }

    @Test
    void ffStudyPresetsFollowTheSettingsTable() {
        TrainerProvider ff = registry.get("ff");
        assertEquals(Optional.of("study"), ff.defaultPreset("mnist"));
        assertEquals(Optional.of("study"), ff.defaultPreset("fashion-mnist"));
        assertEquals(Optional.empty(), ff.defaultPreset("cifar-10"));
        TrainerConfig sgd = TrainerConfig.resolve(ff, ff.preset("study-sgd", "mnist").values(), Map.of());
        assertEquals("sgd", sgd.getString("optimizer"));
        assertEquals(List.of(1000, 1000, 1000), sgd.getIntList("hidden"));
        assertEquals(1.9076e-3, sgd.getDouble("lr-ff"));
        assertEquals(5.2291e-4, sgd.getDouble("wd-ff"));
        assertEquals(3.2350e-2, sgd.getDouble("lr-ds"));
        assertEquals(4.7668e-3, sgd.getDouble("wd-ds"));
        TrainerConfig fm = TrainerConfig.resolve(ff, ff.preset("study", "fashion-mnist").values(), Map.of());
        assertEquals(List.of(2000, 2000, 2000, 2000), fm.getIntList("hidden"));
        assertEquals("adamw", fm.getString("optimizer"));
        assertEquals(100, fm.getInt("batch-size"));
        assertEquals(100, fm.getInt("epochs"));
        assertEquals(20, fm.getInt("patience"));
        assertEquals(0.01, fm.getDouble("min-delta"));
        assertEquals(0.03, fm.getDouble("peer-weight"));
        assertEquals("goodness", fm.getString("inference"));
        TrainerConfig big = TrainerConfig.resolve(ff, ff.preset("study-4x2000", "mnist").values(), Map.of());
        assertEquals(5.2535e-4, big.getDouble("lr-ff"));
        assertEquals(2.7076e-3, big.getDouble("lr-ds"));
    }

    @Test
    void ffTrainsWithSgdMomentum() {
        List<EpochStats> epochs = new ArrayList<>();
        TrainingResult r = TestData.train("ff", TestData.smaller(1000, 200), Map.of("hidden", "64,64",
                "optimizer", "sgd", "lr-ff", "2e-3", "lr-ds", "3e-2", "epochs", "3", "batch-size", "50"), 1, epochs);
        assertEquals(3, epochs.size());
        // SGD starts slowly (60 steps here): check the losses fall and stay finite, not the accuracy.
        assertTrue(epochs.get(2).trainLoss() < epochs.get(0).trainLoss(), "loss falls");
        assertTrue(Double.isFinite(epochs.get(2).trainLoss()) && r.testAccuracy() >= 0);
    }
}
