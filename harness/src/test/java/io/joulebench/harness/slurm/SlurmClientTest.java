package io.joulebench.harness.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.algorithms.InvalidConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slurm's commands faked by small scripts on an injected PATH. */
class SlurmClientTest {
    @TempDir
    Path bin;

    private void fake(String tool, String body) throws Exception {
        Path p = bin.resolve(tool);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        assertTrue(p.toFile().setExecutable(true));
    }

    private SlurmClient client() {
        return new SlurmClient(bin.toString());
    }

    @Test
    void noSbatchOnThePathIsOneLineWithTheFix() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> client().require("sbatch"));
        assertTrue(e.getMessage().startsWith("sbatch is not on the PATH") && e.getMessage().contains("--print")
                && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void submitReturnsTheParsableJobId() throws Exception {
        fake("sbatch", "echo \"$*\" > " + bin.resolve("args") + "; echo '42;cluster'");
        assertEquals("42", client().submit(Path.of("/x/merge.sbatch"), "--dependency=afterany:41"));
        assertEquals("--parsable --dependency=afterany:41 /x/merge.sbatch", Files.readString(bin.resolve("args")).strip());
    }

    @Test
    void aRefusedSubmissionIsOneLineWithSlurmsReason() throws Exception {
        fake("sbatch", "echo 'sbatch: error: Batch job submission failed: Invalid account' >&2; exit 1");
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> client().submit(Path.of("/x/array.sbatch")));
        assertTrue(e.getMessage().contains("Invalid account") && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void anUnknownPartitionNamesTheKnownOnes() throws Exception {
        fake("sinfo", "case \"$*\" in *'-p gpu'*) echo gpu;; *-p*) ;; *) echo debug; echo gpu;; esac");
        client().checkPartition("gpu"); // known: no exception
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> client().checkPartition("a100"));
        assertEquals("--partition a100 does not exist on this cluster (sinfo -h -p a100 shows nothing); choose one"
                + " of: debug, gpu", e.getMessage());
    }

    @Test
    void squeueCountsQueuedEntriesAndAForgottenJobIsDone() throws Exception {
        fake("squeue", "echo '7_[2-3%2] PENDING'; echo '7_0 RUNNING'");
        assertEquals(2, client().queued("7"));
        fake("squeue", "echo 'slurm_load_jobs error: Invalid job id specified' >&2; exit 1");
        assertEquals(0, client().queued("7"));
        fake("squeue", "echo 'slurm_load_jobs error: Unable to contact slurm controller' >&2; exit 1");
        assertEquals(null, client().queued("7"), "unknown: asked again at the next poll");
    }

    @Test
    void theFinalStateComesFromScontrol() throws Exception {
        fake("scontrol", "echo 'JobId=8 JobName=m'; echo '   JobState=FAILED Reason=NonZeroExitCode'; echo ' ExitCode=1:0'");
        assertEquals("JobState=FAILED ExitCode=1:0", client().finalState("8"));
    }
}
