package io.joulebench.harness.cli;

import io.joulebench.algorithms.EpochStart;
import io.joulebench.algorithms.EpochStats;
import io.joulebench.algorithms.TrainingListener;
import java.io.PrintStream;
import java.util.Locale;

/** One line per epoch with a bar of the epoch budget used, the losses and validation accuracy. */
final class ProgressPrinter implements TrainingListener {
    private static final int BAR = 20;

    private final PrintStream out;
    private final String label;
    private int maxEpochs;
    private long epochStart;

    ProgressPrinter(PrintStream out, String label) {
        this.out = out;
        this.label = label;
    }

    @Override
    public void onEpochStart(EpochStart start) {
        maxEpochs = start.maxEpochs();
        epochStart = System.nanoTime();
    }

    @Override
    public void onEpochEnd(EpochStats s) {
        int filled = maxEpochs <= 0 ? 0 : Math.min(BAR, (int) Math.round((double) BAR * s.epoch() / maxEpochs));
        String bar = "#".repeat(filled) + ".".repeat(BAR - filled);
        out.println(String.format(Locale.ROOT, "  %s [%s] %s epoch %d/%d  loss %.4f  val loss %s  val acc %s  %.1fs",
                label, bar, s.stage(), s.epoch(), maxEpochs, s.trainLoss(),
                s.validationLoss() == null ? "n/a" : String.format(Locale.ROOT, "%.4f", s.validationLoss()),
                s.validationAccuracy() == null ? "n/a"
                        : String.format(Locale.ROOT, "%.2f%%", 100 * s.validationAccuracy()),
                (System.nanoTime() - epochStart) / 1e9));
        out.flush();
    }

    @Override
    public void onTestStart() {
        out.println("  " + label + " testing with the selected weights");
        out.flush();
    }
}
