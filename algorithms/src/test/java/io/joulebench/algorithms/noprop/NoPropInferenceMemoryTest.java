package io.joulebench.algorithms.noprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.data.Dataset;
import io.joulebench.algorithms.local.TestData;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inference (validation and test) holds one block's temporaries at a time: its workspaces are the same size for 2
 * blocks as for 6. When the whole chain ran in one workspace, the paper's T = 10 at evaluation batch 256 held 172
 * MiB there, beside the training step's own workspace.
 */
class NoPropInferenceMemoryTest {
    @Test
    void inferenceWorkspacesDoNotGrowWithTheNumberOfBlocks() throws Exception {
        Dataset data = TestData.smaller(256, 512);
        long[] two = inferenceWorkspaceBytes(2, data);
        long[] six = inferenceWorkspaceBytes(6, data);
        assertTrue(two[0] > 0 && two[1] > 0, "both workspaces used");
        assertEquals(two[0], six[0], "the chain's workspace (images and z)");
        assertEquals(two[1], six[1], "one block's workspace");
    }

    /** The sizes of the evaluation's and the per-block workspace after scoring the validation split. */
    private static long[] inferenceWorkspaceBytes(int blocks, Dataset data) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor(); // workspaces are per thread: start clean
        try {
            return thread.submit(() -> {
                TrainerConfig config = TrainerConfig.resolve(new NoPropDtProvider(), Map.of(),
                        Map.of("blocks", String.valueOf(blocks), "channels", "4,8", "hidden", "16"));
                NoPropNetwork net = NoPropNetwork.build(config, data.info(), DataType.FLOAT, new SplittableRandom(1));
                net.evaluate(data.validation(), 128, 7);
                long chain = size("noprop-eval");
                long block = size("noprop-inference-block");
                Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
                return new long[] {chain, block};
            }).get();
        } finally {
            thread.shutdown();
        }
    }

    private static long size(String id) {
        MemoryWorkspace ws = Nd4j.getWorkspaceManager().getWorkspaceForCurrentThread(id);
        return ws.getCurrentSize();
    }
}
