package io.joulebench.harness.cli;

import io.joulebench.algorithms.TrainerRegistry;
import io.joulebench.algorithms.data.DataLocator;
import io.joulebench.algorithms.data.Dataset;
import io.joulebench.algorithms.data.Datasets;
import io.joulebench.energy.EnergyException;
import io.joulebench.harness.provenance.ProvenanceCollector;
import io.joulebench.harness.result.Execution;
import io.joulebench.harness.result.ResultCodec;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.trial.InFlightTrial;
import io.joulebench.energy.process.ProcessTree;
import io.joulebench.harness.trial.TrialMetering;
import io.joulebench.harness.trial.TrialPlan;
import io.joulebench.harness.trial.TrialRequest;
import io.joulebench.harness.trial.TrialRunner;
import io.joulebench.harness.trial.TrialSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code joulebench trial-worker}: the forked side of one trial (hidden; the suite runner starts it). Runs the
 * requested trial with its own meter and the parent's idle baseline, and writes the record to the response file.
 */
@Command(name = WorkerCommand.NAME, hidden = true, description = "Run one trial for a parent JouleBench process.")
public final class WorkerCommand implements Callable<Integer> {
    public static final String NAME = "trial-worker";

    @Option(names = "--request", required = true, paramLabel = "FILE")
    Path request;

    @Option(names = "--response", required = true, paramLabel = "FILE")
    Path response;

    @Mixin
    EnergyOptions energy;

    @Override
    public Integer call() throws IOException, EnergyException {
        CliErrors.trialJvm = true;
        TrialRequest req = ResultCodec.json().readValue(request.toFile(), TrialRequest.class);
        TrialSpec spec = req.spec();
        TrainerRegistry registry = TrainerRegistry.load();
        TrialPlan resolved = TrialPlan.resolve(registry, spec.trainer(), spec.dataset(), spec.preset(),
                spec.parameters(), spec.seed(), spec.splitSeed());
        TrialPlan plan = new TrialPlan(resolved.provider(), spec, resolved.config());
        Dataset dataset;
        try {
            DataLocator locator = DataLocator.standard(req.dataDir() == null ? null : Path.of(req.dataDir()),
                    System.getenv(), Path.of(System.getProperty("user.home")));
            dataset = Datasets.load(spec.dataset(), locator, spec.splitSeed());
        } catch (RuntimeException e) {
            write(failed(spec, CliErrors.message(e)));
            return CliErrors.OK;
        }
        // Loading's buffers (file bytes, inflated images) are garbage now. One full collection, before the trial's
        // window opens, compacts the dataset to the bottom of the heap, so the training's own allocations reuse the
        // pages loading touched instead of touching new ones: the trial's peak RSS is then the larger of loading's and
        // training's, not their sum (docs/benchmarks.md, "Memory").
        System.gc();
        TrialMetering metering = req.meter()
                ? TrialMetering.withIdle(energy.openMeter(ProcessTree.thisProcess()), energy.carbon(), req.idle(),
                        energy.scope()) : null;
        InFlightTrial inFlight = new InFlightTrial();
        inFlight.start(spec);
        // SIGTERM from the parent (or Ctrl-C to the whole terminal): save what this trial finished, then end.
        try (Interrupts.Registration r = Interrupts.register(signal -> {
            writeQuietly(inFlight.interrupted("interrupted by SIG" + signal));
            return true;
        })) {
            TrialRecord record = new TrialRunner(new ProvenanceCollector(RunOptions.checkout()), metering,
                    req.resultsDir() == null ? null : Path.of(req.resultsDir()))
                    .run(plan.provider(), spec, plan.config(), dataset, SuiteExecution.tracking(
                            new ProgressPrinter(System.out, spec.trainer() + " seed " + spec.seed()), inFlight));
            inFlight.end();
            write(record);
        } finally {
            if (metering != null) {
                metering.close();
            }
        }
        return CliErrors.OK;
    }

    private static TrialRecord failed(TrialSpec spec, String problem) {
        return TrialRecord.withoutResult(spec, Instant.now().toString(), TrialRecord.FAILED, problem, List.of(),
                Execution.inProcess());
    }

    private void writeQuietly(TrialRecord record) {
        if (record == null) {
            return;
        }
        try {
            write(record);
        } catch (IOException e) {
            System.err.println("joulebench: could not save the interrupted trial: " + e.getMessage());
        }
    }

    /** Whole or not at all: the parent reads the file only after this JVM exits. */
    private void write(TrialRecord record) throws IOException {
        Path tmp = response.resolveSibling(response.getFileName() + ".tmp");
        Files.writeString(tmp, ResultCodec.write(record), StandardCharsets.UTF_8);
        Files.move(tmp, response, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
