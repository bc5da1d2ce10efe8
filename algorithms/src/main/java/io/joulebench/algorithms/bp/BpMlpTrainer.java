package io.joulebench.algorithms.bp;

import static io.joulebench.algorithms.TrainerParameters.HIDDEN;

import io.joulebench.algorithms.local.Steps;
import io.joulebench.algorithms.local.SeededInit;
import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.data.Dataset;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** MLP twin: Linear + ReLU per hidden layer, then Linear to the classes; AdamW on cross-entropy. */
final class BpMlpTrainer extends Dl4jSupervisedTrainer {

    BpMlpTrainer(TrainerConfig config) {
        super(config);
    }

    @Override
    MultiLayerNetwork buildNetwork(Dataset dataset, SplittableRandom rng) {
        int inputs = dataset.info().shape().size();
        int classes = dataset.info().numClasses();
        List<Integer> hidden = config.get(HIDDEN);
        NeuralNetConfiguration.ListBuilder layers = Dl4jConfigs.adamW(config).list();
        int in = inputs;
        for (int width : hidden) {
            layers.layer(new DenseLayer.Builder().nIn(in).nOut(width).activation(Activation.RELU).build());
            in = width;
        }
        layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(in).nOut(classes)
                .activation(Activation.SOFTMAX).build());
        MultiLayerNetwork net = new MultiLayerNetwork(layers.setInputType(InputType.feedForward(inputs)).build());
        net.init();

        in = inputs;
        for (int i = 0; i <= hidden.size(); i++) {
            int out = i < hidden.size() ? hidden.get(i) : classes;
            boolean output = i == hidden.size();
            if (output && config.get(BpMlpProvider.OUTPUT_INIT).equals(BpMlpProvider.INIT_NORMAL)) {
                // MF twin: the output layer starts like MF's projections, N(0, 0.01^2) and zero bias.
                net.getLayer(i).setParam("W", SeededInit.normal(DataType.FLOAT, 0.01, rng, in, out));
                net.getLayer(i).setParam("b", Steps.persistentZeros(DataType.FLOAT, 1, out));
            } else {
                net.getLayer(i).setParam("W", SeededInit.pytorchDefault(DataType.FLOAT, in, rng, in, out));
                net.getLayer(i).setParam("b", SeededInit.pytorchDefault(DataType.FLOAT, in, rng, 1, out));
            }
            in = out;
        }
        return net;
    }

    @Override
    long[] inputShape(Dataset dataset, int batchSize) {
        return new long[] {batchSize, dataset.info().shape().size()};
    }

    @Override
    double forwardFlopsPerSample(Dataset dataset) {
        double flops = 0;
        int in = dataset.info().shape().size();
        for (int width : config.get(HIDDEN)) {
            flops += 2.0 * in * width;
            in = width;
        }
        return flops + 2.0 * in * dataset.info().numClasses();
    }
}
