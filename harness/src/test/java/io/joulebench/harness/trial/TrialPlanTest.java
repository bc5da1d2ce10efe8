package io.joulebench.harness.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.algorithms.InvalidConfigurationException;
import io.joulebench.algorithms.TrainerRegistry;
import io.joulebench.algorithms.data.DatasetException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialPlanTest {
    private final TrainerRegistry registry = TrainerRegistry.load();

    @Test
    void theSubsetUsesItsFamilysDefaultPresetAndOverridesWin() {
        TrialPlan plan = TrialPlan.resolve(registry, "bp-mlp", "fashion-mnist-subset", null,
                Map.of("epochs", "3"), 9, 42);
        assertEquals("mf-twin", plan.spec().preset());
        assertEquals("2.1316e-4", plan.spec().parameters().get("lr"));
        assertEquals("3", plan.spec().parameters().get("epochs"));
        assertEquals(9, plan.spec().seed());
    }

    @Test
    void aTrainerWithoutPresetsRunsOnItsDefaults() {
        TrialPlan plan = TrialPlan.resolve(new TrainerRegistry(List.of(new FakeTrainer())), "fake", "mnist", null,
                Map.of(), 1, 42);
        assertNull(plan.spec().preset());
        assertEquals("2", plan.spec().parameters().get("epochs"));
    }

    @Test
    void problemsAreFoundBeforeAnythingTrains() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> TrialPlan.resolve(registry, "bp-mlp", "mnist", "ff-twin-8x8", Map.of(), 1, 42));
        assertTrue(e.getMessage().contains("mf-twin, ff-twin, ff-twin-4x2000"), e.getMessage());
        assertThrows(DatasetException.class,
                () -> TrialPlan.resolve(registry, "bp-mlp", "imagenet", null, Map.of(), 1, 42));
    }

    @Test
    void specKeysDifferExactlyWhenTheExperimentDiffers() {
        TrialPlan a = TrialPlan.resolve(registry, "bp-mlp", "mnist", null, Map.of(), 1, 42);
        TrialPlan b = TrialPlan.resolve(registry, "bp-mlp", "mnist", "mf-twin", Map.of(), 1, 42);
        TrialPlan c = TrialPlan.resolve(registry, "bp-mlp", "mnist", null, Map.of("lr", "1e-3"), 1, 42);
        TrialPlan d = TrialPlan.resolve(registry, "bp-mlp", "mnist", null, Map.of(), 2, 42);
        assertEquals(a.spec().key(), b.spec().key());
        assertTrue(!a.spec().key().equals(c.spec().key()) && !a.spec().key().equals(d.spec().key()));
    }
}
