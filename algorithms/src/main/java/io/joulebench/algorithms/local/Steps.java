package io.joulebench.algorithms.local;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Memory discipline for hand-written ND4J loops. Every temporary of a training or evaluation step lives in a
 * per-step {@link MemoryWorkspace} (plain native allocation made such loops about 4x slower); everything that
 * outlives a step (weights, optimiser state, running statistics) is created outside any workspace.
 */
public final class Steps {
    /**
     * Learns its size on the first step, then reuses one block of exactly that size: allocation becomes a pointer
     * bump. Every step of a loop has the same shapes (a short last batch needs less), so there is nothing to
     * over-allocate for; a step that needs more spills once and the block grows to fit (REALLOCATE).
     */
    private static final WorkspaceConfiguration STEP = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policyAllocation(AllocationPolicy.STRICT)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();

    /** Per thread and workspace: false once its learning step ran, true once what that step freed went back. */
    private static final ThreadLocal<Map<String, Boolean>> LEARNED = ThreadLocal.withInitial(HashMap::new);

    private Steps() {
    }

    /**
     * Opens the workspace for one step; close it (try-with-resources) when the step is done. Arrays created while
     * it is open are invalid afterwards: copy results into persistent arrays or read them out as Java values.
     *
     * <p>A workspace's first step allocates every array on its own (malloc) to learn the size, then frees them and
     * allocates its block. glibc keeps those freed pages resident (about 180 MiB for bp-noprop's step), so on the
     * second opening, before the block's pages are touched, the freed native memory is handed back to the system.
     */
    public static MemoryWorkspace open(String id) {
        Boolean trimmed = LEARNED.get().putIfAbsent(id, false);
        if (Boolean.FALSE.equals(trimmed)) {
            NativeMemory.releaseFreed();
            LEARNED.get().put(id, true);
        }
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(STEP, id);
    }

    /** A zero array outside every workspace, safe to keep across steps. */
    public static INDArray persistentZeros(DataType type, long... shape) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return Nd4j.zeros(type, shape);
        }
    }

    public static INDArray persistentZerosLike(INDArray like) {
        return persistentZeros(like.dataType(), like.shape());
    }

    /** A persistent array holding these values (row-major). */
    public static INDArray persistent(double[] values, DataType type, long... shape) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return Nd4j.create(values, shape, type);
        }
    }

    /** A persistent copy of an array (e.g. the best weights so far). */
    public static INDArray persistentCopy(INDArray source) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return source.dup('c');
        }
    }

    /**
     * A float32 {@code rows x columns} array (in the open workspace, if any) holding {@code data} row-major: one
     * memcpy, where {@code Nd4j.create(float[], ...)} took about 20x longer for a 128 x 784 batch.
     */
    public static INDArray rows(float[] data, int rows, int columns) {
        if ((long) rows * columns > data.length) {
            throw new IllegalArgumentException(rows + "x" + columns + " needs more than the " + data.length
                    + " values given");
        }
        INDArray a = Nd4j.createUninitialized(DataType.FLOAT, rows, columns);
        a.data().asNioFloat().put(data, 0, rows * columns);
        return a;
    }

    /** The values of a float32 array in row-major order, as a Java array: one bulk copy (a dup first for views). */
    public static float[] hostFloats(INDArray a) {
        return hostFloats(a, null);
    }

    /** As {@link #hostFloats(INDArray)}, into {@code reuse} when it is large enough (its tail left as it was). */
    public static float[] hostFloats(INDArray a, float[] reuse) {
        if (a.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("hostFloats needs float32, got " + a.dataType());
        }
        INDArray whole = a.isView() || a.ordering() != 'c' ? a.dup('c') : a;
        int length = Math.toIntExact(whole.length());
        float[] out = reuse != null && reuse.length >= length ? reuse : new float[length];
        whole.data().asNioFloat().get(0, out, 0, length);
        return out;
    }

    /**
     * Rows {@code rows} of a float32 c-order matrix, as a new {@code rows.length x columns} array in the open
     * workspace: a bulk copy per row, where ND4J's getRows took several times longer for a batch of cached features.
     */
    public static INDArray gatherRows(INDArray source, int[] rows) {
        if (source.dataType() != DataType.FLOAT || source.ordering() != 'c' || source.isView() || source.rank() != 2) {
            throw new IllegalArgumentException("gatherRows needs a whole float32 c-order matrix, got "
                    + source.shapeInfoToString());
        }
        int columns = (int) source.columns();
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, rows.length, columns);
        FloatBuffer from = source.data().asNioFloat();
        FloatBuffer to = out.data().asNioFloat();
        float[] row = new float[columns];
        for (int i = 0; i < rows.length; i++) {
            from.get(Math.multiplyExact(rows[i], columns), row, 0, columns);
            to.put(i * columns, row, 0, columns);
        }
        return out;
    }

    /** Column sums as a gemm with a row of ones: several times faster than ND4J's sum(0) reduction here. */
    public static INDArray columnSums(INDArray m) {
        INDArray ones = Nd4j.ones(m.dataType(), 1, m.rows());
        INDArray out = Nd4j.createUninitialized(m.dataType(), 1, m.columns());
        Gemm.gemm(ones, m, out, false, false, 1.0, 0.0);
        return out;
    }

    /**
     * ReLU backward in place: {@code gradient *= (activations > 0)}. ND4J's Step op plus a multiply, measured 3-5x
     * faster here than its RectifiedLinearDerivative op (0.2 against 0.6-1.1 ms for 128 x 1000).
     */
    public static INDArray reluBackward(INDArray gradient, INDArray activations) {
        return gradient.muli(Transforms.step(activations, true));
    }

    static void checkSameShapes(List<INDArray> params, List<INDArray> gradients) {
        if (params.size() != gradients.size()) {
            throw new IllegalArgumentException(params.size() + " parameters but " + gradients.size() + " gradients");
        }
        for (int i = 0; i < params.size(); i++) {
            INDArray p = params.get(i);
            INDArray g = gradients.get(i);
            if (!Arrays.equals(p.shape(), g.shape()) || g.ordering() != 'c' || g.isView()
                    || p.dataType() != g.dataType()) {
                throw new IllegalArgumentException("gradient " + i + " " + Arrays.toString(g.shape()) + " "
                        + g.dataType() + " does not match its parameter " + Arrays.toString(p.shape()) + " "
                        + p.dataType() + " (or is a view)");
            }
        }
    }
}
