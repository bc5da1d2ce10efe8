package io.joulebench.harness.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.algorithms.TrainerRegistry;
import io.joulebench.harness.trial.TrialSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SuiteLoaderTest {
    private static final TrainerRegistry REGISTRY = TrainerRegistry.load();

    /** The issue's example, verbatim. */
    static final String EXAMPLE = """
            name: mf-vs-bp-fashion-mnist
            dataset: fashion-mnist
            seeds: [1, 2, 3, 4, 5]
            protocols: [own-convergence, matched-passes]
            arms:
              - id: bp
                trainer: bp-mlp
                preset: mf-twin
              - id: mf
                trainer: mf
                preset: study
                baseline: bp
                parameters: {schedule: sequential}
            """;

    static Suite parse(String yaml) {
        return SuiteLoader.parse(Path.of("s.yaml"), yaml.getBytes(StandardCharsets.UTF_8), REGISTRY);
    }

    private static String error(String yaml) {
        return assertThrows(SuiteException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void theIssuesExampleLoads() {
        Suite s = parse(EXAMPLE);
        assertEquals("mf-vs-bp-fashion-mnist", s.name());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), s.seeds());
        assertEquals(List.of(TrialSpec.OWN_CONVERGENCE, TrialSpec.MATCHED_PASSES), s.protocols());
        assertEquals("bp", s.arm("mf").baseline());
        assertEquals(Map.of("schedule", "sequential"), s.arm("mf").parameters());
        assertEquals("fashion-mnist", s.arm("bp").dataset());
        assertEquals(1, s.warmup(), "a warm-up trial by default");
        assertEquals(Duration.ofSeconds(5), s.idle());
        assertEquals(Duration.ofMinutes(10), s.idleMaxAge());
        assertEquals(64, s.hash().length());
    }

    @Test
    void settingsOfTheFileAndArmOverridesAreRead() {
        Suite s = parse("""
                name: x
                dataset: fashion-mnist-subset
                seeds: 1..3
                split-seed: trial
                warmup: 0
                cooldown: {until-idle: true, tolerance: 10%, timeout: 30s}
                idle: 2s
                energy: {region: POL, pue: 1.2}
                arms:
                  - id: a
                    trainer: bp-mlp
                    dataset: mnist
                    parameters: {hidden: [500, 500], lr: 2e-3, output-init: pytorch}
                """);
        assertEquals(List.of(1L, 2L, 3L), s.seeds());
        assertEquals(7L, s.splitSeedFor(7));
        assertEquals(0, s.warmup());
        assertTrue(s.cooldown().untilIdle());
        assertEquals(0.10, s.cooldown().tolerance(), 1e-12);
        assertEquals(Duration.ofSeconds(30), s.cooldown().timeout());
        assertEquals(Map.of("region", "POL", "pue", "1.2"), s.energy());
        assertEquals("mnist", s.arm("a").dataset());
        assertEquals("500,500", s.arm("a").parameters().get("hidden"));
    }

    @Test
    void everyMistakeIsOneLineNamingTheKeyAndItsLine() {
        assertEquals("s.yaml line 4: unknown key 'sedes' (allowed here: arms, cooldown, dataset, description, energy,"
                + " idle, idle-max-age, name, noise, protocols, repetitions, seeds, shuffle-seed, split-seed,"
                + " target-accuracy, warmup)", error(EXAMPLE.replace("seeds: [1, 2, 3, 4, 5]", "seeds: [1, 2]\nsedes: 3")));
        assertEquals("s.yaml line 10: arms[1].trainer 'mff' is not a trainer (known: " + String.join(", ",
                REGISTRY.all().stream().map(p -> p.id()).toList()) + ")", error(EXAMPLE.replace("trainer: mf\n",
                "trainer: mff\n")));
        assertTrue(error(EXAMPLE.replace("baseline: bp", "baseline: bpp")).startsWith("s.yaml line 12:"
                + " arms[1].baseline 'bpp' is not another arm (arms: bp, mf)"));
        assertTrue(error(EXAMPLE.replace("schedule: sequential", "schedule: sideways")).startsWith("s.yaml line 9:"
                + " arm 'mf':"), error(EXAMPLE.replace("schedule: sequential", "schedule: sideways")));
        assertTrue(error(EXAMPLE.replace("preset: study", "preset: nope")).contains("arm 'mf'"));
        assertTrue(error(EXAMPLE.replace("  - id: mf", "  - id: mf\n    colour: red")).startsWith("s.yaml line 10:"
                + " unknown key 'arms[1].colour'"));
        assertTrue(error(EXAMPLE.replace("[1, 2, 3, 4, 5]", "[1, 1]")).contains("seed 1 is given twice"));
        assertTrue(error(EXAMPLE.replace("[own-convergence, matched-passes]", "[fastest]"))
                .startsWith("s.yaml line 4: protocols: 'fastest' is not one of"));
        assertTrue(error(EXAMPLE.replace("id: mf", "id: bp")).contains("arm id 'bp' is used twice"));
        assertTrue(error("name: [unclosed").startsWith("s.yaml: not valid YAML"));
        assertTrue(error(EXAMPLE + "warmup: lots\n").startsWith("s.yaml line 14: warmup 'lots' must be an integer"));
        assertTrue(error(EXAMPLE + "idle: 5 parsecs\n").contains("idle '5 parsecs' is not a duration"));
        assertTrue(error(EXAMPLE.replace("name: mf-vs-bp-fashion-mnist\n", "")).contains("'name' is missing"));
    }

    @Test
    void yamlIsLoadedAsDataOnly() {
        // A tag asking for an object is not constructed: the value stays plain text (then refused as a name).
        Suite s = parse(EXAMPLE.replace("name: mf-vs-bp-fashion-mnist", "name: !!java.io.File /etc/passwd"));
        assertEquals("/etc/passwd", s.name());
    }

    @Test
    void theShippedSuitesLoad() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("../suites"))) {
            List<Path> suites = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertEquals(8, suites.size(), suites.toString());
            for (Path f : suites) {
                Suite s = SuiteLoader.load(f, REGISTRY);
                assertTrue(s.arms().size() >= 2, f.toString());
            }
        }
        Suite all = SuiteLoader.load(Path.of("../suites/beyond-bp.yaml"), REGISTRY);
        assertEquals(16, all.arms().stream().filter(a -> a.baseline() != null).count(), "the study's 16 rows");
        assertEquals(27, all.arms().size(), "with their 11 twins (FF's and CaFo's twins are shared)");
    }

    @Test
    void onlyKeepsChosenArmsAndTheirBaselines() {
        Suite s = parse(EXAMPLE);
        assertEquals(List.of("bp", "mf"), s.only(List.of("bp", "mf")).arms().stream().map(Suite.Arm::id).toList());
        assertTrue(assertThrows(SuiteException.class, () -> s.only(List.of("mf"))).getMessage()
                .contains("add it: --arms mf,bp"));
        assertNotEquals(null, s.only(List.of("bp")));
    }
}
