package io.joulebench.algorithms.local;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Bulk copies between whole (non-view, 'c'-order) native arrays and Java arrays. Element-wise updates run faster as
 * one fused Java loop (which the JIT vectorises) between two memcpys than as several ND4J ops on this CPU build.
 */
final class HostCopy {
    private HostCopy() {
    }

    static void checkWhole(INDArray a) {
        if (a.isView() || a.ordering() != 'c' || a.data().length() != a.length()) {
            throw new IllegalArgumentException("expected a whole 'c'-order array, got a view or offset array "
                    + a.shapeInfoToString());
        }
    }

    static void read(INDArray a, float[] dst) {
        a.data().asNioFloat().get(dst, 0, (int) a.length());
    }

    static void write(float[] src, INDArray a) {
        a.data().asNioFloat().put(src, 0, (int) a.length());
    }

    static void read(INDArray a, double[] dst) {
        a.data().asNioDouble().get(dst, 0, (int) a.length());
    }

    static void write(double[] src, INDArray a) {
        a.data().asNioDouble().put(src, 0, (int) a.length());
    }

    static boolean isFloat(INDArray a) {
        if (a.dataType() == DataType.FLOAT) {
            return true;
        }
        if (a.dataType() == DataType.DOUBLE) {
            return false;
        }
        throw new IllegalArgumentException("optimisers support FLOAT and DOUBLE parameters, not " + a.dataType());
    }
}
