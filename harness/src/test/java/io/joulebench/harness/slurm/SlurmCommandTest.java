package io.joulebench.harness.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.harness.cli.JouleBenchCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code joulebench slurm --print} and {@code joulebench merge --suite}, in this JVM, without a cluster. */
class SlurmCommandTest {
    @TempDir
    Path tmp;

    private String out = "";
    private String err = "";

    private int run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            return JouleBenchCommand.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            out = o.toString(StandardCharsets.UTF_8);
            err = e.toString(StandardCharsets.UTF_8);
        }
    }

    private Path suite() throws Exception {
        return Files.writeString(tmp.resolve("s.yaml"), String.join("\n", "name: s", "dataset: fashion-mnist-subset",
                "seeds: [1, 2, 3]", "repetitions: 2", "arms:", "  - id: bp", "    trainer: bp-mlp", "  - id: mf",
                "    trainer: mf", "    baseline: bp", ""));
    }

    @Test
    void printWritesBothScriptsWithOneShardPerBlock() throws Exception {
        Path dir = tmp.resolve("out");
        assertEquals(0, run("slurm", suite().toString(), "--out", dir.toString(), "--parallel", "4", "--print",
                "--launcher", "/opt/jb/joulebench"), err);
        assertTrue(out.contains("#SBATCH --array=0-5%4"), "3 seeds x 2 repetitions = 6 blocks: " + out);
        assertTrue(out.contains("sbatch --parsable --dependency=afterany:<array job id> " + dir.resolve("slurm/merge.sbatch")), out);
        assertTrue(Files.readString(dir.resolve("slurm/array.sbatch")).contains("exec /opt/jb/joulebench suite "));
        assertTrue(Files.isDirectory(dir.resolve("slurm/logs")));
    }

    @Test
    void badInputIsOneLineWithTheFix() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertEquals(5, run("slurm", suite().toString(), "--out", file.toString(), "--print", "--launcher", "jb"));
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.contains("--out") && err.contains("writable"), err);

        assertEquals(2, run("slurm", suite().toString(), "--shards", "7", "--print", "--launcher", "jb"));
        assertTrue(err.strip().endsWith("(the suite has 6 block(s), seeds x repetitions, and a shard holds whole"
                + " blocks)"), err);
        assertEquals(2, run("slurm", suite().toString(), "--time", "2h", "--print", "--launcher", "jb"));
        assertTrue(err.contains("--time '2h' is not a Slurm time limit; write HH:MM:SS"), err);
    }

    @Test
    void mergeWithTheSuiteListsMissingTrialsAndTheRerunCommand() throws Exception {
        Path dir = tmp.resolve("merged");
        Path script = tmp.resolve("out/slurm/array.sbatch");
        assertEquals(1, run("merge", "--out", dir.toString(), "--suite", suite().toString(), "--shards", "6",
                "--rerun-script", script.toString()), err);
        assertTrue(out.contains("incomplete: 12 of 12 planned trial(s) missing"), out);
        assertTrue(out.contains("rerun: sbatch --array=0,1,2,3,4,5 " + script), out);
        assertEquals(12, out.lines().filter(l -> l.startsWith("  missing: ")).count(), out);
    }

    @Test
    void mergeRefusesShardsOfAnotherSuiteFile() throws Exception {
        Path shard = MergeRecords.write(tmp.resolve("shard/results.jsonl"), List.of(MergeRecords.completed("k1")));
        assertEquals(2, run("merge", shard.getParent().toString(), "--out", tmp.resolve("m").toString(), "--suite",
                suite().toString()));
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.contains("the shards are not from"), err);
    }
}
