package io.joulebench.harness.slurm;

import io.joulebench.algorithms.InvalidConfigurationException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Slurm's own commands, found on a given PATH (injected, so tests can put fakes first). Polls with squeue and
 * scontrol, never sacct: that needs the accounting daemon, which many clusters (and the local one) lack.
 */
public final class SlurmClient {
    private static final long COMMAND_TIMEOUT_S = 120;

    private final String path;

    /** @param path the PATH to search, as in the environment */
    public SlurmClient(String path) {
        this.path = path == null ? "" : path;
    }

    /** What a command printed and how it ended. */
    public record Output(int exit, String out, String err) {
        String firstErrorLine() {
            String text = err.isBlank() ? out : err;
            return text.isBlank() ? "exit " + exit : text.strip().lines().findFirst().orElse("").strip();
        }
    }

    /** @throws InvalidConfigurationException one line with the fix when the tool is not on the PATH */
    public Path require(String tool) {
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, tool);
                if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                    return p;
                }
            }
        }
        throw new InvalidConfigurationException(tool + " is not on the PATH: run on a Slurm login node (or"
                + " 'module load slurm'), start the local one with scripts/slurm/local-cluster.sh start, or pass"
                + " --print to write the scripts without submitting");
    }

    /** @throws InvalidConfigurationException when sinfo does not know the partition, naming the ones it knows */
    public void checkPartition(String partition) {
        Output o = run("sinfo", "-h", "-p", partition, "-o", "%P");
        if (o.exit() == 0 && !o.out().isBlank()) {
            return;
        }
        Output all = run("sinfo", "-h", "-o", "%P");
        String known = all.exit() == 0 ? String.join(", ", all.out().strip().lines().toList()) : "?";
        throw new InvalidConfigurationException("--partition " + partition + " does not exist on this cluster"
                + " (sinfo -h -p " + partition + " shows nothing); choose one of: " + known);
    }

    /** Submits a script; returns the job id that {@code sbatch --parsable} printed. */
    public String submit(Path script, String... options) {
        List<String> args = new ArrayList<>(List.of("--parsable"));
        args.addAll(List.of(options));
        args.add(script.toString());
        Output o = run("sbatch", args.toArray(String[]::new));
        String id = o.out().strip().split(";")[0];
        if (o.exit() != 0 || !id.matches("\\d+")) {
            throw new InvalidConfigurationException("sbatch refused " + script + ": " + o.firstErrorLine()
                    + "; fix the option it names (or edit the script) and submit again");
        }
        return id;
    }

    /**
     * How many entries squeue still lists for the job (an array lists its pending range and each running task);
     * 0 once it is done ("Invalid job id" included: Slurm has forgotten it); null when squeue failed otherwise
     * (controller unreachable), for the caller's next poll to ask again.
     */
    public Integer queued(String jobId) {
        Output o = run("squeue", "-h", "-j", jobId, "-o", "%i %T");
        if (o.exit() == 0) {
            return (int) o.out().lines().filter(l -> !l.isBlank()).count();
        }
        return o.err().contains("Invalid job id") ? 0 : null;
    }

    /** JobState and ExitCode from {@code scontrol show job}, or "state unknown" once Slurm has forgotten it. */
    public String finalState(String jobId) {
        Output o = run("scontrol", "show", "job", jobId);
        if (o.exit() != 0) {
            return "state unknown (" + o.firstErrorLine() + ")";
        }
        List<String> states = new ArrayList<>();
        for (String word : o.out().split("\\s+")) {
            if (word.startsWith("JobState=") || word.startsWith("ExitCode=")) {
                states.add(word);
            }
        }
        return states.isEmpty() ? "state unknown" : String.join(" ", states.subList(0, Math.min(2, states.size())))
                + (states.size() > 2 ? " (first of " + states.size() / 2 + " tasks)" : "");
    }

    /** Runs a Slurm command with a time limit; its output is read whole. */
    Output run(String tool, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(require(tool).toString());
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            if (!p.waitFor(COMMAND_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Output(124, "", tool + " did not answer within " + COMMAND_TIMEOUT_S + " s");
            }
            return new Output(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            return new Output(127, "", tool + " could not be started: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Output(130, "", tool + " interrupted");
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
