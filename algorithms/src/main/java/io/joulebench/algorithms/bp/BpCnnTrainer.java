package io.joulebench.algorithms.bp;

import static io.joulebench.algorithms.TrainerParameters.CHANNELS;

import org.nd4j.linalg.api.buffer.DataType;
import io.joulebench.algorithms.local.SeededInit;
import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.data.Dataset;
import io.joulebench.algorithms.data.ImageShape;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * CNN twin of CaFo: per block Conv 3x3 (stride 1, pad 1, no bias) -> ReLU -> MaxPool 2x2 -> BatchNorm, then
 * flatten and Linear to the classes.
 */
final class BpCnnTrainer extends Dl4jSupervisedTrainer {

    BpCnnTrainer(TrainerConfig config) {
        super(config);
    }

    @Override
    MultiLayerNetwork buildNetwork(Dataset dataset, SplittableRandom rng) {
        ImageShape shape = dataset.info().shape();
        List<Integer> channels = config.get(CHANNELS);
        NeuralNetConfiguration.ListBuilder layers = Dl4jConfigs.adamW(config).list();
        for (int out : channels) {
            layers.layer(new ConvolutionLayer.Builder(3, 3).stride(1, 1).padding(1, 1).nOut(out).hasBias(false)
                    .activation(Activation.RELU).build());
            layers.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2)
                    .stride(2, 2).build());
            layers.layer(new BatchNormalization.Builder().eps(1e-5).decay(0.9).build());
        }
        layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(dataset.info().numClasses())
                .activation(Activation.SOFTMAX).build());
        layers.setInputType(InputType.convolutional(shape.height(), shape.width(), shape.channels()));
        MultiLayerNetwork net = new MultiLayerNetwork(layers.build());
        net.init();

        int in = shape.channels();
        for (int b = 0; b < channels.size(); b++) {
            int out = channels.get(b);
            // CaFo's blocks, their init included (Kaiming-uniform for ReLU, as local.ConvBlock).
            net.getLayer(3 * b).setParam("W",
                    SeededInit.kaimingUniformRelu(DataType.FLOAT, in * 9, rng, out, in, 3, 3));
            in = out;
        }
        int flat = flatSize(shape, channels);
        int outIndex = 3 * channels.size();
        int classes = dataset.info().numClasses();
        net.getLayer(outIndex).setParam("W", SeededInit.pytorchDefault(DataType.FLOAT, flat, rng, flat, classes));
        net.getLayer(outIndex).setParam("b", SeededInit.pytorchDefault(DataType.FLOAT, flat, rng, 1, classes));
        return net;
    }

    /** Values per sample after the last block: e.g. 4608 for 28x28 and 8192 for 32x32 with 512 channels. */
    static int flatSize(ImageShape shape, List<Integer> channels) {
        int h = shape.height();
        int w = shape.width();
        for (int ignored : channels) {
            h /= 2;
            w /= 2;
        }
        return channels.get(channels.size() - 1) * h * w;
    }

    @Override
    long[] inputShape(Dataset dataset, int batchSize) {
        ImageShape s = dataset.info().shape();
        return new long[] {batchSize, s.channels(), s.height(), s.width()};
    }

    @Override
    double forwardFlopsPerSample(Dataset dataset) {
        ImageShape shape = dataset.info().shape();
        int h = shape.height();
        int w = shape.width();
        int in = shape.channels();
        double flops = 0;
        for (int out : config.get(CHANNELS)) {
            flops += 2.0 * h * w * out * in * 9;
            h /= 2;
            w /= 2;
            in = out;
        }
        return flops + 2.0 * in * h * w * dataset.info().numClasses();
    }
}
