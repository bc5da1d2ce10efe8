package io.joulebench.harness.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated scripts, run by bash with a fake launcher that records what it was asked to do. */
class SlurmScriptsTest {
    @TempDir
    Path tmp;

    private SlurmJob job(String launcher) {
        return new SlurmJob("demo", tmp.resolve("my suite.yaml"), tmp.resolve("out"), 3, 2, "gpu", "01:00:00", 1,
                List.of("--account=proj"), launcher, Map.of("JOULEBENCH_JAVA_OPTS", "-Xmx2g -Xss4m"),
                List.of("--no-energy"));
    }

    @Test
    void theArrayHasOneTaskPerShardAndItsSlurmLines() {
        String text = job("/opt/jb/joulebench").arrayText();
        for (String line : List.of("#SBATCH --array=0-2%2", "#SBATCH --partition=gpu", "#SBATCH --time=01:00:00",
                "#SBATCH --gpus-per-task=1", "#SBATCH --account=proj", "#SBATCH --requeue",
                "#SBATCH --output=" + tmp.resolve("out/slurm/logs/%A_%a.out"),
                "export JOULEBENCH_JAVA_OPTS='-Xmx2g -Xss4m'")) {
            assertTrue(text.lines().anyMatch(line::equals), line + " in\n" + text);
        }
        // Slurm reads #SBATCH lines only before the first command.
        int firstCommand = text.indexOf("\nset -");
        assertTrue(text.lastIndexOf("#SBATCH") < firstCommand, text);
    }

    @Test
    void eachTaskRunsItsOwnShardIntoItsOwnFolderEvenWhenRerunAlone() throws Exception {
        Path fake = fakeLauncher(0);
        SlurmJob job = job(fake.toString());
        Files.createDirectories(job.slurmDir());
        Files.writeString(job.arrayScript(), job.arrayText());
        // A rerun with --array=1 sees a task count of 1: the shard must still be 2/3.
        Process p = bash(job.arrayScript(), Map.of("SLURM_ARRAY_TASK_ID", "1", "SLURM_ARRAY_TASK_COUNT", "1",
                "SLURM_ARRAY_JOB_ID", "7"));
        assertEquals(0, p.waitFor(), output(p));
        assertEquals("suite|" + tmp.resolve("my suite.yaml") + "|--shard|2/3|--out|" + tmp.resolve("out/shards/1")
                + "|--no-energy|-Xmx2g -Xss4m", Files.readString(tmp.resolve("calls")).strip());
    }

    @Test
    void theMergeJobMergesWritesStatsAndFailsWhenTrialsAreMissing() throws Exception {
        Path fake = fakeLauncher(1);
        SlurmJob job = job(fake.toString());
        Files.createDirectories(job.shardsDir().resolve("0"));
        Files.createDirectories(job.shardsDir().resolve("1"));
        Files.writeString(job.out().resolve("results.jsonl"), "{}\n");
        Files.createDirectories(job.slurmDir());
        Files.writeString(job.mergeScript(), job.mergeText());
        Process p = bash(job.mergeScript(), Map.of());
        assertEquals(1, p.waitFor(), "the merge's exit 1 (trials missing) is the job's: " + output(p));
        List<String> calls = Files.readAllLines(tmp.resolve("calls"));
        assertEquals("merge|" + job.shardsDir().resolve("0") + "|" + job.shardsDir().resolve("1") + "|--out|"
                + job.out() + "|--suite|" + job.suiteFile() + "|--shards|3|--rerun-script|" + job.arrayScript()
                + "|-Xmx2g -Xss4m", calls.get(0));
        assertTrue(calls.get(1).startsWith("stats|" + job.out() + "|--json|" + job.out().resolve("stats.json")), calls.get(1));
        assertEquals("help|report|-Xmx2g -Xss4m", calls.get(2), "asks whether the report command exists");
        assertEquals(3, calls.size(), "the fake has no report command: skipped");
    }

    /** Records its arguments joined by '|' and JOULEBENCH_JAVA_OPTS; 'merge' exits with mergeExit, 'help' with 2. */
    private Path fakeLauncher(int mergeExit) throws Exception {
        Path fake = tmp.resolve("fake-jb");
        Files.writeString(fake, "#!/bin/bash\n(IFS='|'; echo \"$*|$JOULEBENCH_JAVA_OPTS\") >> " + tmp.resolve("calls")
                + "\ncase \"$1\" in merge) exit " + mergeExit + ";; help) exit 2;; esac\nexit 0\n");
        assertTrue(fake.toFile().setExecutable(true));
        return fake;
    }

    private static Process bash(Path script, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        pb.environment().putAll(env);
        return pb.start();
    }

    private static String output(Process p) throws Exception {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
