package io.joulebench.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainerConfigTest {
    private final TrainerProvider bpMlp = TrainerRegistry.load().get("bp-mlp");

    @Test
    void registryFindsTheBuiltInTrainersAndRejectsUnknownOnes() {
        TrainerRegistry registry = TrainerRegistry.load();
        assertEquals(List.of("bp-cnn", "bp-mlp", "bp-noprop", "cafo-dfa", "cafo-rand", "external", "ff", "mf",
                        "noprop-dt"),
                registry.all().stream().map(TrainerProvider::id).toList());
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> registry.get("backprop"));
        assertTrue(e.getMessage().contains("unknown trainer 'backprop'") && e.getMessage().contains("bp-mlp"));
    }

    @Test
    void layersDefaultsPresetAndOverrides() {
        Preset preset = bpMlp.preset("ff-twin", "fashion-mnist");
        TrainerConfig c = TrainerConfig.resolve(bpMlp, preset.values(), Map.of("lr", "0.001"));
        assertEquals(List.of(2000, 2000, 2000, 2000), c.getIntList("hidden"));
        assertEquals(0.001, c.getDouble("lr"));
        assertEquals(4.1866e-6, c.getDouble("weight-decay"));
        assertEquals("pytorch", c.getString("output-init"));
        assertEquals(128, c.getInt("batch-size"));
        assertEquals("0.001", c.asStrings().get("lr"));
    }

    @Test
    void unknownParameterListsTheKnownOnes() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> TrainerConfig.resolve(bpMlp, Map.of(), Map.of("learning-rate", "1")));
        assertTrue(e.getMessage().contains("no parameter 'learning-rate'") && e.getMessage().contains("lr"));
    }

    @Test
    void valuesAreParsedAndRangeChecked() {
        assertThrows(InvalidConfigurationException.class,
                () -> TrainerConfig.resolve(bpMlp, Map.of(), Map.of("batch-size", "0")));
        assertThrows(InvalidConfigurationException.class,
                () -> TrainerConfig.resolve(bpMlp, Map.of(), Map.of("lr", "fast")));
        assertThrows(InvalidConfigurationException.class,
                () -> TrainerConfig.resolve(bpMlp, Map.of(), Map.of("lr", "NaN")));
        assertThrows(InvalidConfigurationException.class,
                () -> TrainerConfig.resolve(bpMlp, Map.of(), Map.of("hidden", "100,,100")));
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> TrainerConfig.resolve(bpMlp, Map.of(), Map.of("output-init", "xavier")));
        assertTrue(e.getMessage().contains("must be one of pytorch, normal-0.01"), e.getMessage());
    }

    @Test
    void unknownPresetNamesWhatExists() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> bpMlp.preset("ff-twin-4x2000", "fashion-mnist"));
        assertTrue(e.getMessage().contains("mf-twin, ff-twin"), e.getMessage());
    }

    @Test
    void everyPresetIsValidForItsTrainer() {
        for (TrainerProvider p : TrainerRegistry.load().all()) {
            for (Preset preset : p.presets()) {
                TrainerConfig.resolve(p, preset.values(), Map.of());
            }
            // The defaults alone are valid unless a parameter is required (an external trainer's command).
            if (p.parameters().stream().noneMatch(s -> s.defaultValue().isEmpty())) {
                TrainerConfig.resolve(p, Map.of(), Map.of());
            }
        }
    }
}
