package io.joulebench.algorithms.cafo;

import static io.joulebench.algorithms.local.GradientCheck.assertClose;
import static io.joulebench.algorithms.local.GradientCheck.numeric;
import static io.joulebench.algorithms.local.GradientCheck.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.algorithms.local.ConvBlock;
import io.joulebench.algorithms.local.LinearHead;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Finite-difference checks, in double precision, of every gradient CaFo computes by hand. */
class CafoGradientTest {
    private static final DataType D = DataType.DOUBLE;

    @Test
    void predictorCrossEntropyWithL2MatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(1);
        INDArray x = random(rng, 6, 7);
        int[] labels = {0, 2, 1, 3, 2, 0};
        double wd = 0.05;
        LinearHead head = LinearHead.pytorchDefault(7, 4, true, D, rng);
        // Adam's effective gradient (loss gradient + wd * p) is the gradient of CE + wd/2 |theta|^2.
        DoubleSupplier objective = () -> {
            double l2 = 0;
            for (INDArray p : head.parameters()) {
                l2 += p.mul(p).sumNumber().doubleValue();
            }
            return LinearHead.crossEntropySum(head.logits(x), labels) / labels.length + wd / 2 * l2;
        };
        LinearHead.Step step = head.lossAndGradients(x, labels);
        assertEquals(LinearHead.crossEntropySum(head.logits(x), labels) / labels.length, step.loss(), 1e-12);
        List<String> names = List.of("weight", "bias");
        for (int i = 0; i < 2; i++) {
            INDArray p = head.parameters().get(i);
            INDArray analytic = wd == 0 ? step.gradients().get(i) : step.gradients().get(i).add(p.mul(wd));
            assertClose(numeric(p, objective), analytic, "predictor " + names.get(i));
        }
    }

    @Test
    void predictorWithoutBiasHasOnlyWeights() {
        SplittableRandom rng = new SplittableRandom(2);
        LinearHead head = LinearHead.pytorchDefault(5, 3, false, D, rng);
        INDArray x = random(rng, 4, 5);
        int[] labels = {0, 1, 2, 1};
        LinearHead.Step step = head.lossAndGradients(x, labels);
        assertEquals(1, step.gradients().size());
        assertClose(numeric(head.weight, () -> LinearHead.crossEntropySum(head.logits(x), labels) / 4),
                step.gradients().get(0), "weight");
    }

    /**
     * The DFA step: blocks 1 and 2 get the gradient of (1/n) sum_i <e_i B_b, output_b,i> with e = softmax - onehot;
     * block 3 and the head get the true gradient of the mean CE.
     */
    @Test
    void dfaUpdatesAreFeedbackGradientsForEarlyBlocksAndTrueGradientsForTheLast() {
        SplittableRandom rng = new SplittableRandom(11);
        List<ConvBlock> blocks = ConvBlock.stack(new io.joulebench.algorithms.data.ImageShape(1, 8, 8),
                List.of(2, 3, 2), D, rng);
        int classes = 3;
        DfaPhase phase = new DfaPhase(blocks, classes, 1e-3, 0, rng.split(), rng.split());
        INDArray x = random(rng, 4, 64);
        int[] labels = {0, 2, 1, 2};
        DfaPhase.StepGradients g = phase.gradients(x, labels);

        List<INDArray> inputs = new ArrayList<>();
        INDArray in = x;
        for (ConvBlock b : blocks) {
            inputs.add(in);
            in = b.forward(in, true);
        }
        for (int b = 0; b < 2; b++) {
            ConvBlock block = blocks.get(b);
            INDArray delta = g.error().mmul(phase.feedbackMatrices().get(b)).divi(labels.length);
            INDArray blockInput = inputs.get(b);
            DoubleSupplier objective = () -> block.forward(blockInput, true).mul(delta).sumNumber().doubleValue();
            assertClose(numeric(block.weight, objective), g.blocks().get(b).weight(), "block " + (b + 1) + " weight");
            assertClose(numeric(block.gamma, objective), g.blocks().get(b).gamma(), "block " + (b + 1) + " gamma");
            assertClose(numeric(block.beta, objective), g.blocks().get(b).beta(), "block " + (b + 1) + " beta");
        }
        ConvBlock last = blocks.get(2);
        INDArray lastInput = inputs.get(2);
        DoubleSupplier ce = () -> LinearHead.crossEntropySum(phase.head().logits(last.forward(lastInput, true)),
                labels) / labels.length;
        assertClose(numeric(last.weight, ce), g.blocks().get(2).weight(), "block 3 weight");
        assertClose(numeric(last.gamma, ce), g.blocks().get(2).gamma(), "block 3 gamma");
        assertClose(numeric(phase.head().weight, ce), g.head().get(0), "head weight");
        assertClose(numeric(phase.head().bias, ce), g.head().get(1), "head bias");
    }

    @Test
    void feedbackMatricesHaveUnitRowsAndStayFixedAcrossSteps() {
        SplittableRandom rng = new SplittableRandom(5);
        List<ConvBlock> blocks = ConvBlock.stack(new io.joulebench.algorithms.data.ImageShape(1, 8, 8),
                List.of(2, 2, 2), D, rng);
        DfaPhase phase = new DfaPhase(blocks, 4, 1e-2, 1e-4, rng.split(), rng.split());
        List<INDArray> before = phase.feedbackMatrices().stream().map(INDArray::dup).toList();
        assertEquals(2, before.size());
        for (INDArray b : before) {
            INDArray norms = b.norm2(1);
            for (int c = 0; c < 4; c++) {
                assertEquals(1.0, norms.getDouble(c), 1e-12);
            }
        }
        INDArray w1 = blocks.get(0).weight.dup();
        INDArray x = random(rng, 4, 64);
        phase.step(x, new int[] {0, 1, 2, 3});
        phase.step(x, new int[] {0, 1, 2, 3});
        assertTrue(!w1.equals(blocks.get(0).weight), "block 1 learns");
        for (int b = 0; b < 2; b++) {
            assertEquals(before.get(b), phase.feedbackMatrices().get(b), "feedback " + (b + 1) + " fixed");
        }
        assertSame(phase.feedbackMatrices().get(0), phase.feedbackMatrices().get(0));
    }
}
