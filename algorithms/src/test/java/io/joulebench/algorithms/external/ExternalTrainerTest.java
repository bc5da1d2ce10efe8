package io.joulebench.algorithms.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.joulebench.algorithms.EpochStart;
import io.joulebench.algorithms.EpochStats;
import io.joulebench.algorithms.InvalidConfigurationException;
import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.TrainingListener;
import io.joulebench.algorithms.TrainingResult;
import io.joulebench.algorithms.TrainingTask;
import io.joulebench.algorithms.data.Dataset;
import io.joulebench.algorithms.data.Datasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalTrainerTest {
    private static Dataset data;

    @BeforeAll
    static void loadData() {
        data = Datasets.load(Datasets.FASHION_MNIST_SUBSET, null, 42);
    }

    @TempDir
    Path dir;

    private final List<String> events = new ArrayList<>();
    private final TrainingListener listener = new TrainingListener() {
        @Override
        public void onEpochStart(EpochStart s) {
            events.add("start " + s.stage() + " " + s.epoch() + "/" + s.maxEpochs());
        }

        @Override
        public void onEpochEnd(EpochStats s) {
            events.add("end " + s.stage() + " " + s.epoch() + " acc " + s.validationAccuracy() + " passes "
                    + s.dataPasses());
        }

        @Override
        public void onTestStart() {
            events.add("test");
        }
    };

    private TrainingResult train(String script, Map<String, String> more) throws Exception {
        Path sh = dir.resolve("train.sh");
        Files.writeString(sh, script);
        Map<String, String> values = new java.util.HashMap<>(more);
        values.put("command", "sh " + sh + " {seed} {epochs}");
        TrainerConfig config = TrainerConfig.resolve(new ExternalProvider(), Map.of(), values);
        return new ExternalProvider().create(config).train(new TrainingTask(data, config, 7), listener);
    }

    /** A script that reports two epochs and a result, the way a PyTorch loop would. */
    static final String GOOD = """
            e="$JOULEBENCH_EVENTS"
            echo '{"event":"start","framework":"fake-torch 9.9","device":"cpu"}' >> "$e"
            i=1
            while [ $i -le $2 ]; do
              echo "{\\"event\\":\\"epoch_start\\",\\"epoch\\":$i,\\"max_epochs\\":$2}" >> "$e"
              echo "{\\"event\\":\\"epoch_end\\",\\"epoch\\":$i,\\"train_loss\\":0.5,\\"val_accuracy\\":0.8$i,\\"data_passes\\":$i}" >> "$e"
              i=$((i+1))
            done
            echo '{"event":"test_start"}' >> "$e"
            echo "{\\"event\\":\\"result\\",\\"test_accuracy\\":0.8$1,\\"test_loss\\":0.4,\\"best_epoch\\":2}" >> "$e"
            """;

    @Test
    void eventsBecomeListenerEventsAndTheResultCarriesTheCommandAndItsFacts() throws Exception {
        TrainingResult r = train(GOOD, Map.of("epochs", "2"));
        assertEquals(List.of("start main 1/2", "end main 1 acc 0.81 passes 1.0", "start main 2/2",
                "end main 2 acc 0.82 passes 2.0", "test"), events);
        assertEquals(0.87, r.testAccuracy(), 1e-12, "the seed reached the command: {seed} = 7");
        assertEquals(2, r.epochsRun());
        assertEquals(Map.of("main", 2), r.epochsPerStage());
        assertEquals("fake-torch 9.9", r.facts().get("reported.framework"));
        assertTrue(r.facts().get("command").endsWith("train.sh 7 2"), r.facts().toString());
        assertTrue(r.facts().containsKey("workdir"));
    }

    @Test
    void aFailingCommandIsAFailedTrialWithItsExitCodeAndStderr() {
        ExternalTrainingException e = assertThrows(ExternalTrainingException.class,
                () -> train("echo 'CUDA out of memory' >&2; exit 3", Map.of()));
        assertTrue(e.getMessage().contains("exited with status 3; its last stderr line: CUDA out of memory"),
                e.getMessage());
    }

    @Test
    void aMalformedOrMissingEventIsOneLineNamingTheCommandAndTheLine() {
        String bad = assertThrows(ExternalTrainingException.class, () -> train(
                "echo '{\"event\":\"epoch_end\",\"epoch\":1}' >> \"$JOULEBENCH_EVENTS\"", Map.of())).getMessage();
        assertTrue(bad.contains("event line 1 needs a number \"train_loss\""), bad);
        String pct = assertThrows(ExternalTrainingException.class, () -> train(
                "echo '{\"event\":\"result\",\"test_accuracy\":87.5}' >> \"$JOULEBENCH_EVENTS\"", Map.of()))
                .getMessage();
        assertTrue(pct.contains("outside [0, 1] (send a fraction, not a percentage)"), pct);
        String none = assertThrows(ExternalTrainingException.class, () -> train("true", Map.of())).getMessage();
        assertTrue(none.contains("ended without a \"result\" event"), none);
        String json = assertThrows(ExternalTrainingException.class, () -> train(
                "echo 'hello' >> \"$JOULEBENCH_EVENTS\"", Map.of())).getMessage();
        assertTrue(json.contains("event line 1 is not JSON"), json);
    }

    @Test
    void theCommandIsRequired() {
        assertThrows(InvalidConfigurationException.class,
                () -> TrainerConfig.resolve(new ExternalProvider(), Map.of(), Map.of()));
    }

    @Test
    void thePythonExampleOfTheDocsRuns() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "no /usr/bin/python3 to run the documented example");
        Path example = Path.of("../benchmarks/external/minimal_trainer.py").toAbsolutePath();
        TrainerConfig config = TrainerConfig.resolve(new ExternalProvider(), Map.of(), Map.of("command",
                python + " " + example + " --seed {seed} --epochs {epochs}", "epochs", "3"));
        TrainingResult r = new ExternalProvider().create(config).train(new TrainingTask(data, config, 1), listener);
        assertEquals(3, r.epochsRun());
        assertTrue(r.testAccuracy() > 0 && r.testAccuracy() <= 1);
        assertTrue(r.facts().get("reported.python").startsWith("3."), r.facts().toString());
        assertNull(r.flops());
    }
}
