package io.joulebench.algorithms.ff;

import static io.joulebench.algorithms.TrainerParameters.BATCH_SIZE;
import static io.joulebench.algorithms.TrainerParameters.EPOCHS;
import static io.joulebench.algorithms.TrainerParameters.HIDDEN;
import static io.joulebench.algorithms.TrainerParameters.MIN_DELTA;
import static io.joulebench.algorithms.TrainerParameters.PATIENCE;

import io.joulebench.algorithms.InvalidConfigurationException;
import io.joulebench.algorithms.Trainer;
import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.TrainingListener;
import io.joulebench.algorithms.TrainingResult;
import io.joulebench.algorithms.TrainingTask;
import io.joulebench.algorithms.data.Batch;
import io.joulebench.algorithms.data.Batches;
import io.joulebench.algorithms.data.DataSplit;
import io.joulebench.algorithms.data.Dataset;
import io.joulebench.algorithms.local.Adam;
import io.joulebench.algorithms.local.Gemm;
import io.joulebench.algorithms.local.Optimizer;
import io.joulebench.algorithms.local.SgdMomentum;
import io.joulebench.algorithms.local.SoftmaxCrossEntropy;
import io.joulebench.algorithms.local.Steps;
import io.joulebench.algorithms.loop.EpochLoop;
import io.joulebench.algorithms.loop.Evaluation;
import io.joulebench.algorithms.loop.Progress;
import io.joulebench.algorithms.loop.StopRule;
import io.joulebench.algorithms.loop.Weights;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Forward-Forward training (spec/algorithms.md, "Forward-Forward").
 *
 * <p>Per batch of B samples: 2B stacked rows (B positive with one-hot(y) in the first C inputs, B negative with a
 * uniformly random wrong label), each row divided by its rms; every layer takes one step on its goodness BCE plus
 * 0.03 x peer normalisation; a linear classifier (no bias, zero init) learns on the concatenated normalised outputs
 * of layers 2..L of the positive rows ({@code inference=goodness}, the study's) or of neutral-label rows (every
 * label slot 1/C; {@code inference=classifier}, the loeweX variant). Two optimiser groups, a two-phase learning
 * rate, early stopping on validation accuracy with the best weights restored before the test.
 *
 * <p>Counting: {@code samplesSeen} counts each training sample once per step (its positive and negative rows are
 * one sample); {@code dataPasses = samplesSeen / trainSize}. {@code flops} counts gemms only (2mnk): per step the
 * forward and weight gradient of every layer on 2B rows, the classifier's forward and gradient, the neutral
 * forward where used, and the validation inference (C forward passes per sample for goodness).
 */
final class FfTrainer implements Trainer {
    static final String GOODNESS = "goodness";
    static final String CLASSIFIER = "classifier";
    static final String STAGE = "main";
    private static final DataType TYPE = DataType.FLOAT;

    private final TrainerConfig config;

    FfTrainer(TrainerConfig config) {
        this.config = config;
    }

    /**
     * The two-phase schedule: {@code lr0} for epochs {@code e <= T/2}, then {@code lr0 * 2(1 + T - e)/T}, with
     * 1-based epochs e (the loeweX code counts from 0, which shifts the cool-down by one epoch).
     */
    static double learningRate(double lr0, int epoch, int totalEpochs) {
        if (epoch <= totalEpochs / 2) {
            return lr0;
        }
        return lr0 * 2.0 * (1 + totalEpochs - epoch) / totalEpochs;
    }

    /** For each label y, a wrong label {@code (y + U{1..C-1}) mod C}: uniform over the other classes. */
    static int[] wrongLabels(int[] labels, int classes, SplittableRandom rng) {
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = (labels[i] + 1 + rng.nextInt(classes - 1)) % classes;
        }
        return out;
    }

    /**
     * Copies {@code rows} images into {@code out} starting at row {@code firstRow}, overwriting their first C values
     * with a label embedding: one-hot(label[i]) or, when labels is null, {@code neutral} in every slot; then divides
     * each row by {@code rms(row) + 1e-8}.
     */
    static void embed(float[] images, int rows, int size, int classes, int[] labels, float neutral, float[] out,
                      int firstRow) {
        for (int i = 0; i < rows; i++) {
            int o = (firstRow + i) * size;
            System.arraycopy(images, i * size, out, o, size);
            for (int c = 0; c < classes; c++) {
                out[o + c] = labels == null ? neutral : (labels[i] == c ? 1f : 0f);
            }
            double sumSq = 0;
            for (int j = 0; j < size; j++) {
                sumSq += (double) out[o + j] * out[o + j];
            }
            float scale = (float) (1.0 / (Math.sqrt(sumSq / size) + FfLayer.NORM_EPS));
            for (int j = 0; j < size; j++) {
                out[o + j] *= scale;
            }
        }
    }

    /** The model: FF layers and the classifier's blocks V_l (one per layer l >= 2, [C, h_l]). */
    record Model(List<FfLayer> layers, List<INDArray> classifier, int classes) {
        List<INDArray> ffParameters() {
            List<INDArray> p = new ArrayList<>();
            layers.forEach(l -> p.addAll(l.parameters()));
            return p;
        }

        List<INDArray> all() {
            List<INDArray> p = ffParameters();
            p.addAll(classifier);
            return p;
        }

        /** Flops of one forward of one row through every layer. */
        double forwardFlops() {
            return layers.stream().mapToDouble(FfLayer::forwardFlops).sum();
        }

        int classifierInputs() {
            return layers.stream().skip(1).mapToInt(FfLayer::width).sum();
        }
    }

    /**
     * Goodness inference: for every class c, embed one-hot(c), run the layers with a normal ReLU and score
     * {@code sum over layers l >= 2 of sum_j a_j^2}; the prediction is the first class of highest score.
     */
    static int[] predictByGoodness(Model model, float[] images, int rows, int size) {
        int classes = model.classes();
        double[] scores = new double[rows * classes];
        float[] embedded = new float[rows * size];
        int[] label = new int[rows];
        for (int c = 0; c < classes; c++) {
            java.util.Arrays.fill(label, c);
            embed(images, rows, size, classes, label, 0f, embedded, 0);
            // One workspace per class pass, so evaluation memory does not grow with C.
            try (MemoryWorkspace ws = Steps.open("ff-goodness")) {
                INDArray z = Steps.rows(embedded, rows, size);
                for (int l = 0; l < model.layers().size(); l++) {
                    INDArray a = model.layers().get(l).activations(z);
                    INDArray sumSq = FfLayer.sumOfSquares(a);
                    if (l >= 1) {
                        double[] g = sumSq.toDoubleVector();
                        for (int i = 0; i < rows; i++) {
                            scores[i * classes + c] += g[i];
                        }
                    }
                    if (l + 1 < model.layers().size()) {
                        z = FfLayer.normalise(a, sumSq);
                    }
                }
            }
        }
        return SoftmaxCrossEntropy.argmaxRows(scores, rows, classes);
    }

    /** The classifier's scores: sum over l >= 2 of z_l V_l^T, with z_l the normalised layer outputs. */
    static INDArray classifierScores(Model model, List<INDArray> features) {
        INDArray scores = Nd4j.zeros(features.get(0).dataType(), features.get(0).rows(), model.classes());
        for (int l = 1; l < model.layers().size(); l++) {
            Gemm.gemm(features.get(l), model.classifier().get(l - 1), scores, false, true, 1.0, 1.0);
        }
        return scores;
    }

    /** Normalised outputs of every layer for rows that are already embedded and normalised. */
    static List<INDArray> features(Model model, INDArray z) {
        List<INDArray> out = new ArrayList<>();
        for (FfLayer layer : model.layers()) {
            INDArray a = layer.activations(z);
            z = FfLayer.normalise(a, FfLayer.sumOfSquares(a));
            out.add(z);
        }
        return out;
    }

    @Override
    public TrainingResult train(TrainingTask task, TrainingListener listener) {
        Dataset data = task.dataset();
        List<Integer> hidden = config.get(HIDDEN);
        int classes = data.info().numClasses();
        int size = data.info().shape().size();
        if (hidden.size() < 2) {
            throw new InvalidConfigurationException("ff: 'hidden' needs at least 2 layers (inference and the"
                    + " classifier use layers 2..L), got " + hidden);
        }
        if (size < classes) {
            throw new InvalidConfigurationException("ff: inputs (" + size + ") fewer than classes (" + classes
                    + "): no room for the label embedding");
        }
        SplittableRandom rng = new SplittableRandom(task.seed());
        SplittableRandom initRng = rng.split();
        SplittableRandom shuffleRng = rng.split();
        SplittableRandom negativeRng = rng.split();
        List<FfLayer> layers = new ArrayList<>();
        List<INDArray> classifier = new ArrayList<>();
        int in = size;
        for (int l = 0; l < hidden.size(); l++) {
            layers.add(FfLayer.initialise(in, hidden.get(l), initRng, TYPE));
            if (l >= 1) {
                classifier.add(Steps.persistentZeros(TYPE, classes, hidden.get(l)));
            }
            in = hidden.get(l);
        }
        Model model = new Model(layers, classifier, classes);
        return new Run(data, model, listener, shuffleRng, negativeRng).train();
    }

    private Optimizer optimizer(List<INDArray> params, double weightDecay) {
        return switch (config.get(FfProvider.OPTIMIZER)) {
            case FfProvider.ADAMW -> Adam.decoupled(params, weightDecay);
            case FfProvider.SGD -> new SgdMomentum(params, weightDecay, config.get(FfProvider.MOMENTUM));
            default -> throw new InvalidConfigurationException("ff: unknown optimizer '"
                    + config.get(FfProvider.OPTIMIZER) + "'");
        };
    }

    /** One trial's state. */
    private final class Run {
        final Dataset data;
        final Model model;
        final TrainingListener listener;
        final SplittableRandom shuffleRng;
        final SplittableRandom negativeRng;
        final int batchSize = config.get(BATCH_SIZE);
        final int size;
        final int classes;
        final boolean goodness = config.get(FfProvider.INFERENCE).equals(GOODNESS);
        final double peerWeight = config.get(FfProvider.PEER_WEIGHT);
        final double peerMomentum = 0.9;
        final Progress progress;

        Run(Dataset data, Model model, TrainingListener listener, SplittableRandom shuffleRng,
            SplittableRandom negativeRng) {
            this.data = data;
            this.model = model;
            this.listener = listener;
            this.shuffleRng = shuffleRng;
            this.negativeRng = negativeRng;
            this.size = data.info().shape().size();
            this.classes = model.classes();
            this.progress = new Progress(data.train().size());
        }

        TrainingResult train() {
            int maxEpochs = config.get(EPOCHS);
            Optimizer ff = optimizer(model.ffParameters(), config.get(FfProvider.WD_FF));
            Optimizer ds = optimizer(model.classifier(), config.get(FfProvider.WD_DS));
            // Early stopping on validation accuracy; min-delta is given in percentage points.
            StopRule rule = StopRule.onAccuracy(config.get(PATIENCE), config.get(MIN_DELTA) / 100,
                    StopRule.Keep.BEST_ACCURACY);
            EpochLoop.Outcome outcome = EpochLoop.run(STAGE, maxEpochs, rule, new EpochLoop.Stage() {
                @Override
                public EpochLoop.Trained train(int epoch) {
                    return trainEpoch(epoch, maxEpochs, ff, ds);
                }

                @Override
                public Evaluation validate(EpochLoop.Trained epoch) {
                    return evaluate(data.validation(), true);
                }
            }, Weights.copies(model.all()), progress, listener);
            listener.onTestStart();
            return progress.result(evaluate(data.test(), false), outcome.reason() + "; inference "
                    + config.get(FfProvider.INFERENCE));
        }

        private EpochLoop.Trained trainEpoch(int epoch, int maxEpochs, Optimizer ff, Optimizer ds) {
            double lrFf = learningRate(config.get(FfProvider.LR_FF), epoch, maxEpochs);
            double lrDs = learningRate(config.get(FfProvider.LR_DS), epoch, maxEpochs);
            int layersN = model.layers().size();
            double[] bce = new double[layersN];
            double[] peer = new double[layersN];
            double ce = 0;
            double total = 0;
            int batches = 0;
            for (Batch b : Batches.training(data.train(), batchSize, shuffleRng, data.info().augmented())) {
                try (MemoryWorkspace ws = Steps.open("ff-step")) {
                    StepLosses s = step(b, ff, ds, lrFf, lrDs);
                    for (int l = 0; l < layersN; l++) {
                        bce[l] += s.bce()[l];
                        peer[l] += s.peer()[l];
                        total += s.bce()[l] + peerWeight * s.peer()[l];
                    }
                    ce += s.classifierCe();
                    total += s.classifierCe();
                }
                batches++;
                progress.trained(b.size());
            }
            int n = Math.max(batches, 1);
            EpochLoop.Trained trained = EpochLoop.Trained.of(total / n);
            for (int l = 0; l < layersN; l++) {
                trained.extra().put("loss.layer-" + (l + 1), bce[l] / n);
                trained.extra().put("peer.layer-" + (l + 1), peer[l] / n);
            }
            trained.extra().put("loss.classifier", ce / n);
            trained.extra().put("lr-ff", lrFf);
            trained.extra().put("lr-ds", lrDs);
            return trained;
        }

        record StepLosses(double[] bce, double[] peer, double classifierCe) {
        }

        StepLosses step(Batch b, Optimizer ff, Optimizer ds, double lrFf, double lrDs) {
            int n = b.size();
            float[] rows = new float[2 * n * size];
            embed(b.features(), n, size, classes, b.labels(), 0f, rows, 0);
            embed(b.features(), n, size, classes, wrongLabels(b.labels(), classes, negativeRng), 0f, rows, n);
            INDArray z = Steps.rows(rows, 2 * n, size);
            int layersN = model.layers().size();
            double[] bce = new double[layersN];
            double[] peer = new double[layersN];
            List<INDArray> ffGrads = new ArrayList<>();
            List<INDArray> feats = new ArrayList<>();
            for (int l = 0; l < layersN; l++) {
                FfLayer layer = model.layers().get(l);
                FfLayer.Step s = layer.trainStep(z, n, peerWeight, peerMomentum);
                bce[l] = s.bceLoss();
                peer[l] = s.peerLoss();
                ffGrads.addAll(s.gradients());
                feats.add(s.next().get(NDArrayIndex.interval(0, n), NDArrayIndex.all()));
                z = s.next();
                progress.counted(layer.trainFlops(2 * n));
            }
            if (!goodness) {
                float[] neutral = new float[n * size];
                embed(b.features(), n, size, classes, null, 1f / classes, neutral, 0);
                feats = features(model, Steps.rows(neutral, n, size));
                progress.counted(n * model.forwardFlops());
            }
            INDArray scores = classifierScores(model, feats);
            SoftmaxCrossEntropy.Result r = SoftmaxCrossEntropy.withGradient(scores, b.labels(), 1.0 / n);
            List<INDArray> dsGrads = new ArrayList<>();
            for (int l = 1; l < layersN; l++) {
                INDArray g = Nd4j.createUninitialized(TYPE, classes, model.layers().get(l).width());
                Gemm.gemm(r.gradient(), feats.get(l), g, true, false, 1.0, 0.0);
                dsGrads.add(g);
            }
            progress.counted(4.0 * n * model.classifierInputs() * classes);
            ff.step(ffGrads, lrFf);
            ds.step(dsGrads, lrDs);
            return new StepLosses(bce, peer, r.lossSum() / n);
        }

        /** Accuracy by the configured inference; the classifier variant also gives its mean cross-entropy. */
        Evaluation evaluate(DataSplit split, boolean countFlops) {
            Evaluation e = Evaluation.over(split, 2 * batchSize, "ff-eval", (b, tally) -> {
                if (goodness) {
                    int[] predicted = predictByGoodness(model, b.features(), b.size(), size);
                    for (int i = 0; i < b.size(); i++) {
                        if (predicted[i] == b.labels()[i]) {
                            tally.addCorrect(1);
                        }
                    }
                } else {
                    float[] neutral = new float[b.size() * size];
                    embed(b.features(), b.size(), size, classes, null, 1f / classes, neutral, 0);
                    List<INDArray> feats = features(model, Steps.rows(neutral, b.size(), size));
                    tally.add(SoftmaxCrossEntropy.evaluate(classifierScores(model, feats), b.labels()));
                }
            });
            if (countFlops) {
                progress.counted(goodness ? (double) split.size() * classes * model.forwardFlops()
                        : split.size() * (model.forwardFlops() + 2.0 * model.classifierInputs() * classes));
            }
            return goodness ? e.withoutLoss() : e;
        }
    }
}
