package io.joulebench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.algorithms.data.Datasets;
import io.joulebench.harness.Main;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrialLauncherTest {
    @Test
    void aTrialGetsTheParentsOtherOptionsThenItsOwnMemoryOptionsBeforeTheMainClass() {
        List<String> cmd = TrialLauncher.javaCommand(List.of("-Xmx8g", "-XX:+UseG1GC", "-Dfoo=bar",
                "-agentlib:jdwp=transport=dt_socket,server=y"), List.of("-XX:+UseSerialGC", "-Xmx6144m"));
        assertTrue(cmd.get(0).endsWith("java"), cmd.toString());
        assertEquals(List.of("-Dfoo=bar", "-XX:+UseSerialGC", "-Xmx6144m", "-cp"), cmd.subList(1, 5));
        assertEquals(Main.class.getName(), cmd.get(cmd.size() - 1));
    }

    @Test
    void theDatasetSizeComesFromItsIdAndAnUnknownIdCountsNothing() {
        assertEquals(Datasets.inMemoryBytes(Datasets.FASHION_MNIST), TrialLauncher.datasetBytes("fashion-mnist"));
        assertEquals(0, TrialLauncher.datasetBytes("no-such-dataset"));
        assertTrue(TrialLauncher.physicalMemoryBytes() > 0);
    }
}
