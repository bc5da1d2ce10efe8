package io.joulebench.harness.data;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The datasets {@code joulebench data fetch} knows, by id. Injectable: tests build their own. */
public final class DatasetCatalog {

    private final Map<String, DatasetEntry> entries;
    private final List<String> ids;

    public DatasetCatalog(Collection<DatasetEntry> entries) {
        Map<String, DatasetEntry> byId = new LinkedHashMap<>();
        for (DatasetEntry e : entries) {
            if (byId.putIfAbsent(e.id(), e) != null) {
                throw new IllegalArgumentException("dataset id listed twice: " + e.id());
            }
        }
        this.entries = Map.copyOf(byId);
        this.ids = List.copyOf(byId.keySet());
    }

    /** Ids in catalog order. */
    public List<String> ids() {
        return ids;
    }

    public Optional<DatasetEntry> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** The entry, or an {@link UnknownDatasetException} listing the known ids. */
    public DatasetEntry require(String id) throws UnknownDatasetException {
        DatasetEntry e = entries.get(id);
        if (e == null) {
            throw new UnknownDatasetException(id, ids);
        }
        return e;
    }

    public List<DatasetEntry> entries() {
        List<DatasetEntry> list = new ArrayList<>();
        ids.forEach(id -> list.add(entries.get(id)));
        return List.copyOf(list);
    }

    // ---- the official archives ----------------------------------------------------------------------------------

    // MNIST: the ossci-datasets bucket is what torchvision downloads from (yann.lecun.com now refuses most clients);
    // the cvdf-datasets bucket is the copy TensorFlow uses. Both serve LeCun's original .gz files byte for byte.
    private static final URI MNIST_OSSCI = URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/");
    private static final URI MNIST_CVDF = URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/");
    // Fashion-MNIST: Zalando's S3 website host (plain http only; the SHA-256 check is what protects us) and the
    // same files as committed in the zalandoresearch/fashion-mnist repository.
    private static final URI FASHION_S3 = URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/");
    private static final URI FASHION_GITHUB =
            URI.create("https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/");
    // CIFAR: Alex Krizhevsky's page is the only official host.
    private static final URI CIFAR_TORONTO = URI.create("https://www.cs.toronto.edu/~kriz/");

    private static final DatasetCatalog OFFICIAL = new DatasetCatalog(List.of(
            // Sizes and SHA-256: TensorFlow Datasets, tensorflow_datasets/url_checksums/mnist.txt (cvdf-datasets
            // URLs); the same digests appear in many independent fetch scripts for the ossci-datasets and
            // yann.lecun.com copies.
            new DatasetEntry("mnist", "MNIST handwritten digits (LeCun et al.), IDX gzip files",
                    List.of(
                            file("train-images-idx3-ubyte.gz", 9_912_422L,
                                    "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
                                    MNIST_OSSCI, MNIST_CVDF),
                            file("train-labels-idx1-ubyte.gz", 28_881L,
                                    "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
                                    MNIST_OSSCI, MNIST_CVDF),
                            file("t10k-images-idx3-ubyte.gz", 1_648_877L,
                                    "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
                                    MNIST_OSSCI, MNIST_CVDF),
                            file("t10k-labels-idx1-ubyte.gz", 4_542L,
                                    "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
                                    MNIST_OSSCI, MNIST_CVDF)),
                    new Unpack.Keep(),
                    "TensorFlow Datasets url_checksums/mnist.txt"),
            // Sizes and SHA-256: TensorFlow Datasets, tensorflow_datasets/url_checksums/fashion_mnist.txt.
            // Debian's dataset-fashion-mnist ships the same data recompressed (gzip header without the file name,
            // new mtime), so its .gz files are 23-24 bytes shorter and hash differently; the upstream values rule.
            new DatasetEntry("fashion-mnist", "Fashion-MNIST (Zalando Research), IDX gzip files",
                    List.of(
                            file("train-images-idx3-ubyte.gz", 26_421_880L,
                                    "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
                                    FASHION_S3, FASHION_GITHUB),
                            file("train-labels-idx1-ubyte.gz", 29_515L,
                                    "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
                                    FASHION_S3, FASHION_GITHUB),
                            file("t10k-images-idx3-ubyte.gz", 4_422_102L,
                                    "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
                                    FASHION_S3, FASHION_GITHUB),
                            file("t10k-labels-idx1-ubyte.gz", 5_148L,
                                    "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5",
                                    FASHION_S3, FASHION_GITHUB)),
                    new Unpack.Keep(),
                    "TensorFlow Datasets url_checksums/fashion_mnist.txt"),
            // Size and SHA-256: TensorFlow Datasets, tensorflow_datasets/url_checksums/cifar10.txt.
            new DatasetEntry("cifar-10", "CIFAR-10 (Krizhevsky 2009), binary version",
                    List.of(file("cifar-10-binary.tar.gz", 170_052_171L,
                            "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd", CIFAR_TORONTO)),
                    new Unpack.ExtractTarGz("cifar-10-batches-bin", List.of(
                            "data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                            "data_batch_5.bin", "test_batch.bin", "batches.meta.txt")),
                    "TensorFlow Datasets url_checksums/cifar10.txt"),
            // Size and SHA-256: TensorFlow Datasets, tensorflow_datasets/url_checksums/cifar100.txt.
            new DatasetEntry("cifar-100", "CIFAR-100 (Krizhevsky 2009), binary version",
                    List.of(file("cifar-100-binary.tar.gz", 168_513_733L,
                            "58a81ae192c23a4be8b1804d68e518ed807d710a4eb253b1f2a199162a40d8ec", CIFAR_TORONTO)),
                    new Unpack.ExtractTarGz("cifar-100-binary", List.of(
                            "train.bin", "test.bin", "coarse_label_names.txt", "fine_label_names.txt")),
                    "TensorFlow Datasets url_checksums/cifar100.txt")));

    /** mnist, fashion-mnist, cifar-10 and cifar-100 from their official hosts, with published SHA-256 values. */
    public static DatasetCatalog official() {
        return OFFICIAL;
    }

    private static ArchiveFile file(String name, long size, String sha256, URI... bases) {
        return new ArchiveFile(name, size, sha256, List.of(bases));
    }
}
