package io.joulebench.algorithms.loop;

import io.joulebench.algorithms.data.Batch;
import io.joulebench.algorithms.data.Batches;
import io.joulebench.algorithms.data.DataSplit;
import io.joulebench.algorithms.local.SoftmaxCrossEntropy;
import io.joulebench.algorithms.local.Steps;
import org.nd4j.linalg.api.memory.MemoryWorkspace;

/**
 * A model's mean loss and accuracy on a split, and the one loop every trainer evaluates with: batches in order,
 * each scored inside a scratch workspace, loss and correct predictions summed in order of arrival.
 *
 * @param loss mean loss per sample, or null where the model gives no probabilities (FF's goodness inference)
 * @param accuracy fraction of samples predicted correctly
 */
public record Evaluation(Double loss, double accuracy) {

    /** Scores one batch into the running totals. */
    public interface BatchScorer {
        void score(Batch batch, Tally tally);
    }

    /** The running totals of one evaluation; a scorer adds to them in its own order (sums are order-sensitive). */
    public static final class Tally {
        private double lossSum;
        private long correct;

        public void add(SoftmaxCrossEntropy.Result r) {
            lossSum += r.lossSum();
            correct += r.correct();
        }

        public void addLoss(double loss) {
            lossSum += loss;
        }

        public void addCorrect(long n) {
            correct += n;
        }
    }

    /**
     * Scores a split in batches of {@code batchSize}; each batch inside the scratch workspace {@code workspace}, or
     * outside any when it is null (an engine that manages its own, such as DL4J).
     */
    public static Evaluation over(DataSplit split, int batchSize, String workspace, BatchScorer scorer) {
        Tally tally = new Tally();
        for (Batch b : Batches.evaluation(split, batchSize)) {
            if (workspace == null) {
                scorer.score(b, tally);
                continue;
            }
            try (MemoryWorkspace ws = Steps.open(workspace)) {
                scorer.score(b, tally);
            }
        }
        return new Evaluation(tally.lossSum / split.size(), (double) tally.correct / split.size());
    }

    /** The same accuracy with no loss (the model's loss is not a probability). */
    public Evaluation withoutLoss() {
        return new Evaluation(null, accuracy);
    }
}
