package io.joulebench.harness.cli;

import io.joulebench.algorithms.InvalidConfigurationException;
import io.joulebench.algorithms.TrainerRegistry;
import io.joulebench.harness.results.OutputFolder;
import io.joulebench.harness.results.OutputFolderException;
import io.joulebench.harness.results.ResultsStore;
import io.joulebench.harness.slurm.MissingTrials;
import io.joulebench.harness.slurm.Shell;
import io.joulebench.harness.slurm.SlurmClient;
import io.joulebench.harness.slurm.SlurmJob;
import io.joulebench.harness.suite.Suite;
import io.joulebench.harness.suite.SuiteLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code joulebench slurm}: a suite as a Slurm job array (one task per shard) and a merge job after it. */
@Command(name = "slurm", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run a suite on Slurm: writes OUT/slurm/array.sbatch (one array task per shard, each resuming"
                + " its own folder OUT/shards/K) and OUT/slurm/merge.sbatch (after the array, afterany: merges into"
                + " OUT/results.jsonl, writes OUT/stats.json and the report, lists missing trials with the command"
                + " that reruns them), submits both and prints the job ids. See docs/scaling.md."})
final class SlurmCommand implements Callable<Integer> {
    /** Slurm's default MaxArraySize is 1001: indexes 0..1000. */
    static final int MAX_SHARDS = 1000;
    private static final Set<String> OWN_SUITE_OPTIONS = Set.of("--shard", "--out", "-o", "--seeds", "--arms",
            "--dry-run");
    private static final List<String> PASSED_ENV = List.of("JOULEBENCH_JAVA_OPTS",
            "JOULEBENCH_TRIAL_JAVA_OPTS", "JOULEBENCH_BLAS", "JOULEBENCH_BLAS_DIR", "JOULEBENCH_GEMM", "OMP_NUM_THREADS");

    @Parameters(index = "0", paramLabel = "FILE.yaml", description = "The suite file.")
    Path file;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Output folder, on a file system the compute nodes share (default: results/SUITE-NAME).")
    Path out;

    @Option(names = "--shards", paramLabel = "N", description = "Array tasks (default: one per block, i.e. seeds x"
            + " repetitions, at most " + MAX_SHARDS + ").")
    Integer shards;

    @Option(names = "--parallel", paramLabel = "N", description = "Array tasks running at once (--array=...%%N).")
    Integer parallel;

    @Option(names = "--partition", paramLabel = "P", description = "Slurm partition (default: the cluster's).")
    String partition;

    @Option(names = "--time", paramLabel = "HH:MM:SS", description = "Time limit per task (and for the merge job).")
    String time;

    @Option(names = "--gpus-per-task", paramLabel = "N", description = "GPUs for each array task.")
    Integer gpusPerTask;

    @Option(names = "--sbatch-arg", paramLabel = "ARG", description = "An extra #SBATCH line for both jobs, e.g."
            + " --sbatch-arg=--account=proj (repeatable).")
    List<String> sbatchArgs = new ArrayList<>();

    @Option(names = "--suite-arg", paramLabel = "ARG", description = "An extra option for each task's 'joulebench"
            + " suite', e.g. --suite-arg=--no-energy (repeatable).")
    List<String> suiteArgs = new ArrayList<>();

    @Option(names = "--print", description = "Write and print both scripts and the sbatch commands; submit nothing.")
    boolean print;

    @Option(names = "--wait", description = "Poll squeue until both jobs are done; exit 1 when trials are missing.")
    boolean await;

    @Option(names = "--launcher", paramLabel = "CMD", hidden = true,
            description = "The command the jobs run joulebench with, as shell words (default: JOULEBENCH_HOME/joulebench).")
    String launcher;

    @Option(names = "--poll", paramLabel = "SECONDS", hidden = true, defaultValue = "5",
            description = "Seconds between squeue polls with --wait.")
    int pollSeconds;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> env = System.getenv();
        TrainerRegistry registry = TrainerRegistry.load();
        Suite suite = SuiteLoader.load(file, registry);
        int blocks = suite.seeds().size() * suite.repetitions();
        int n = shardCount(blocks);
        checkOptions();
        SlurmClient slurm = new SlurmClient(env.get("PATH"));
        if (!print) {
            slurm.require("sbatch");
            if (await) {
                slurm.require("squeue");
            }
            if (partition != null) {
                slurm.checkPartition(partition);
            }
        }
        Path dir = (out != null ? out : Path.of("results", suite.name())).toAbsolutePath().normalize();
        SlurmJob job = new SlurmJob(suite.name(), file.toAbsolutePath().normalize(), dir, n, parallel, partition, time,
                gpusPerTask, sbatchArgs, launcher(env), passedEnv(env), suiteArgs);
        write(job);
        String arrayCmd = "sbatch --parsable " + job.arrayScript();
        String mergeCmd = "sbatch --parsable --dependency=afterany:<array job id> " + job.mergeScript();
        if (print) {
            System.out.println("# " + job.arrayScript());
            System.out.print(job.arrayText());
            System.out.println("# " + job.mergeScript());
            System.out.print(job.mergeText());
            System.out.println("# submit with:");
            System.out.println(arrayCmd);
            System.out.println(mergeCmd);
            return CliErrors.OK;
        }
        String arrayId = slurm.submit(job.arrayScript());
        String mergeId = slurm.submit(job.mergeScript(), "--dependency=afterany:" + arrayId);
        System.out.println("submitted suite '" + suite.name() + "': array job " + arrayId + " (" + n + " task(s), one"
                + " shard each" + (parallel == null ? "" : ", " + parallel + " at once") + "), merge job " + mergeId
                + " after it");
        System.out.println("logs: " + job.logs() + "/" + arrayId + "_K.out and merge_" + mergeId + ".out");
        System.out.println("results: " + dir.resolve(ResultsStore.FILE_NAME) + " once the merge job ends; watch with"
                + " squeue -j " + arrayId + "," + mergeId);
        if (!await) {
            return CliErrors.OK;
        }
        String mergeState = waitFor(slurm, arrayId, mergeId);
        int complete = checkComplete(suite, n, registry, job);
        if (mergeState.contains("JobState=") && !mergeState.contains("JobState=COMPLETED")) {
            System.out.println("the merge job did not succeed (" + mergeState + "); see " + job.logs().resolve("merge_"
                    + mergeId + ".out"));
            return CliErrors.FAILED;
        }
        return complete;
    }

    private int shardCount(int blocks) {
        if (shards == null) {
            return Math.min(blocks, MAX_SHARDS);
        }
        if (shards < 1 || shards > Math.min(blocks, MAX_SHARDS)) {
            throw new InvalidConfigurationException("--shards " + shards + ": give 1 to " + Math.min(blocks, MAX_SHARDS)
                    + " (the suite has " + blocks + " block(s), seeds x repetitions, and a shard holds whole blocks)");
        }
        return shards;
    }

    private void checkOptions() {
        if (parallel != null && parallel < 1) {
            throw new InvalidConfigurationException("--parallel " + parallel + ": at least 1 task at once");
        }
        if (gpusPerTask != null && gpusPerTask < 1) {
            throw new InvalidConfigurationException("--gpus-per-task " + gpusPerTask + ": at least 1, or leave it out");
        }
        if (time != null && !time.matches("(\\d+-)?\\d+(:\\d{2}){0,2}")) {
            throw new InvalidConfigurationException("--time '" + time + "' is not a Slurm time limit; write HH:MM:SS,"
                    + " D-HH:MM:SS or minutes, e.g. --time 02:00:00");
        }
        if (partition != null && !partition.matches("[A-Za-z0-9_.,-]+")) {
            throw new InvalidConfigurationException("--partition '" + partition + "' is not a partition name");
        }
        for (String a : sbatchArgs) {
            if (!a.startsWith("-") || a.contains("\n")) {
                throw new InvalidConfigurationException("--sbatch-arg '" + a + "' is not an sbatch option; write e.g."
                        + " --sbatch-arg=--account=proj");
            }
        }
        for (String a : suiteArgs) {
            if (OWN_SUITE_OPTIONS.contains(a.split("=", 2)[0])) {
                throw new InvalidConfigurationException("--suite-arg " + a + ": 'joulebench slurm' sets it itself"
                        + " (shards and folders); for fewer seeds or arms, write a smaller suite file");
            }
        }
    }

    private String launcher(Map<String, String> env) {
        if (launcher != null) {
            return launcher;
        }
        String home = env.get("JOULEBENCH_HOME");
        if (home == null || home.isBlank()) {
            throw new InvalidConfigurationException("cannot tell where the joulebench launcher is: JOULEBENCH_HOME is"
                    + " not set; run through ./joulebench, or set JOULEBENCH_HOME to the checkout");
        }
        return Shell.quote(Path.of(home, "joulebench").toAbsolutePath().normalize().toString());
    }

    /** The JVM and native-library settings of this run, so every task runs as this one would. */
    private static Map<String, String> passedEnv(Map<String, String> env) {
        Map<String, String> passed = new LinkedHashMap<>();
        for (String name : PASSED_ENV) {
            if (env.get(name) != null) {
                passed.put(name, env.get(name));
            }
        }
        return passed;
    }

    private static void write(SlurmJob job) {
        try {
            Files.createDirectories(job.logs());
            Files.createDirectories(job.shardsDir());
        } catch (IOException e) {
            throw new OutputFolderException("--out " + job.out() + " cannot be created or written (" + e + ");"
                    + " choose a writable folder the compute nodes share");
        }
        OutputFolder.checkWritableFile(job.arrayScript(), "--out");
        try {
            Files.writeString(job.arrayScript(), job.arrayText());
            Files.writeString(job.mergeScript(), job.mergeText());
            Files.setPosixFilePermissions(job.arrayScript(), PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(job.mergeScript(), PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new OutputFolderException("cannot write the job scripts under " + job.slurmDir() + " (" + e + ");"
                    + " choose a writable --out");
        }
    }

    /** @return the merge job's final state */
    private String waitFor(SlurmClient slurm, String arrayId, String mergeId) throws InterruptedException {
        String last = "";
        while (true) {
            Integer array = slurm.queued(arrayId);
            Integer merge = slurm.queued(mergeId);
            if (Objects.equals(array, 0) && Objects.equals(merge, 0)) {
                break;
            }
            String now = "waiting: array " + arrayId + " " + (array == null ? "?" : array) + " queue entr"
                    + (Objects.equals(array, 1) ? "y" : "ies") + ", merge " + mergeId + " "
                    + (Objects.equals(merge, 0) ? "done" : "queued");
            if (!now.equals(last)) {
                System.out.println(now);
                last = now;
            }
            Thread.sleep(Math.max(1, pollSeconds) * 1000L);
        }
        String mergeState = slurm.finalState(mergeId);
        System.out.println("array job " + arrayId + ": " + slurm.finalState(arrayId) + "; merge job " + mergeId + ": "
                + mergeState);
        return mergeState;
    }

    private static int checkComplete(Suite suite, int n, TrainerRegistry registry, SlurmJob job) {
        ResultsStore store = new ResultsStore(job.out());
        if (!Files.exists(store.file())) {
            System.out.println("no merged results at " + store.file() + "; see the merge job's log in " + job.logs());
            return CliErrors.FAILED;
        }
        List<MissingTrials.Missing> missing = MissingTrials.find(suite, n, registry, store.readAll());
        int planned = MissingTrials.planned(suite, registry);
        if (missing.isEmpty()) {
            System.out.println("complete: all " + planned + " planned trial(s) in " + store.file());
            return CliErrors.OK;
        }
        System.out.println("incomplete: " + missing.size() + " of " + planned + " planned trial(s) missing");
        MissingTrials.describe(missing, n, job.arrayScript(), job.suiteFile(), job.out()).forEach(System.out::println);
        return CliErrors.FAILED;
    }
}
