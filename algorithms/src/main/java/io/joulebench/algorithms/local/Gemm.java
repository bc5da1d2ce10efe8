package io.joulebench.algorithms.local;

import java.util.Arrays;
import org.bytedeco.dnnl.dnnl_version_t;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The matrix products of the hand-written trainers: {@code c = alpha op(a) op(b) + beta c}, as {@link Nd4j#gemm}.
 *
 * <p>Float32 products run on oneDNN's sgemm (JIT-compiled AVX-512/AVX2 kernels, the library PyTorch's CPU
 * convolutions use) rather than ND4J's OpenBLAS: on the conv blocks' im2col shapes it was 10-45 % faster here, on
 * the MLP shapes 0-30 % (docs/benchmarks.md). Other types, and every product when oneDNN cannot be loaded or
 * {@code -Djoulebench.gemm=nd4j} asks for it, go to ND4J's BLAS. {@link #library()} says which one runs, for
 * provenance.
 */
public final class Gemm {
    /** Property choosing the float32 gemm: {@code onednn} (the default) or {@code nd4j}. */
    public static final String PROPERTY = "joulebench.gemm";

    private static final String CHOICE = System.getProperty(PROPERTY, "onednn");
    /** Null when oneDNN runs float32 products; otherwise why it does not. */
    private static final String ONEDNN_UNAVAILABLE = loadOneDnn();

    private Gemm() {
    }

    private static String loadOneDnn() {
        if (CHOICE.equals("nd4j")) {
            return "-D" + PROPERTY + "=nd4j";
        }
        if (!CHOICE.equals("onednn")) {
            throw new IllegalArgumentException("-D" + PROPERTY + "=" + CHOICE + " is not 'onednn' or 'nd4j'");
        }
        try {
            Loader.load(dnnl.class);
            return null;
        } catch (LinkageError | RuntimeException e) {
            // A missing native library is not fatal: the same products run, slower, on ND4J's BLAS.
            String why = "oneDNN did not load (" + e + ")";
            System.err.println("joulebench: " + why + "; float32 matrix products use ND4J's BLAS instead");
            return why;
        }
    }

    /** The library float32 products run on, e.g. {@code onednn 2.5.2 sgemm} or {@code nd4j (why)}. */
    public static String library() {
        if (ONEDNN_UNAVAILABLE != null) {
            return "nd4j blas (" + ONEDNN_UNAVAILABLE + ")";
        }
        dnnl_version_t v = dnnl.dnnl_version();
        return "onednn " + v.major() + "." + v.minor() + "." + v.patch() + " sgemm";
    }

    /**
     * {@code c = alpha op(a) op(b) + beta c}, with {@code op} a transpose where asked; {@code c} is written in
     * place. Same contract as {@link Nd4j#gemm(INDArray, INDArray, INDArray, boolean, boolean, double, double)}.
     */
    public static void gemm(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB, double alpha,
                            double beta) {
        if (a.rank() != 2 || b.rank() != 2 || c.rank() != 2) {
            throw new IllegalArgumentException("gemm needs matrices, got ranks " + a.rank() + ", " + b.rank() + ", "
                    + c.rank());
        }
        long m = c.rows();
        long n = c.columns();
        long k = transposeA ? a.rows() : a.columns();
        if ((transposeA ? a.columns() : a.rows()) != m || (transposeB ? b.columns() : b.rows()) != k
                || (transposeB ? b.rows() : b.columns()) != n) {
            throw new IllegalArgumentException("gemm shapes do not match: a " + Arrays.toString(a.shape())
                    + (transposeA ? "^T" : "") + ", b " + Arrays.toString(b.shape()) + (transposeB ? "^T" : "")
                    + ", c " + Arrays.toString(c.shape()));
        }
        if (ONEDNN_UNAVAILABLE != null || c.dataType() != DataType.FLOAT || a.dataType() != DataType.FLOAT
                || b.dataType() != DataType.FLOAT || a.isEmpty() || b.isEmpty() || !rowMajor(c)) {
            Nd4j.gemm(a, b, c, transposeA, transposeB, alpha, beta);
            return;
        }
        INDArray pa = rowMajor(a) ? a : a.dup('c');
        INDArray pb = rowMajor(b) ? b : b.dup('c');
        int status = dnnl.dnnl_sgemm((byte) (transposeA ? 'T' : 'N'), (byte) (transposeB ? 'T' : 'N'), m, n, k,
                (float) alpha, address(pa), leadingDimension(pa), address(pb), leadingDimension(pb), (float) beta,
                address(c), leadingDimension(c));
        if (status != dnnl.dnnl_success) {
            throw new IllegalStateException("oneDNN sgemm failed with status " + status + " for a "
                    + Arrays.toString(a.shape()) + ", b " + Arrays.toString(b.shape()));
        }
    }

    /**
     * Rows stored one after another at a fixed stride, each row contiguous: a whole c-ordered matrix, or a view of
     * some of its rows (a batch chunk) or columns.
     */
    private static boolean rowMajor(INDArray x) {
        return !x.isEmpty() && x.stride(1) == 1 && (x.rows() == 1 || x.stride(0) >= x.columns());
    }

    private static long leadingDimension(INDArray x) {
        return x.rows() == 1 ? x.columns() : x.stride(0);
    }

    /** The address of element (0, 0); for a view ND4J's buffer pointer already includes the view's offset. */
    private static FloatPointer address(INDArray x) {
        return new FloatPointer(x.data().addressPointer());
    }
}
