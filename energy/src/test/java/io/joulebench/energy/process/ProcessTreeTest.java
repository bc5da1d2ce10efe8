package io.joulebench.energy.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.energy.model.CpuPowerModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessTreeTest {
    @TempDir
    Path dir;

    @Test
    void treeTimeCountsTheRootLiveDescendantsAndWhatTheyReaped() throws Exception {
        FakeProc p = new FakeProc(dir).machine(1000, 3000)
                .process(100, 1, 10, 5, 7, 1)     // root: own 15, reaped 8
                .process(101, 100, 20, 10, 0, 0)  // child: 30
                .process(102, 101, 3, 2, 4, 0)    // grandchild: 5 + reaped 4
                .process(200, 1, 500, 500, 0, 0); // not in the tree
        CpuTimes t = new ProcessTree(p.root(), 100, true).read();
        assertEquals(15 + 8 + 30 + 9, t.treeTicks());
        assertEquals(1000, t.busyTicks());
        assertEquals(4000, t.totalTicks());
        assertEquals(8 + 30 + 9, new ProcessTree(p.root(), 100, false).read().treeTicks(), "children only");
    }

    @Test
    void aChildThatExitsAndIsReapedKeepsItsTimeInTheTree() throws Exception {
        FakeProc p = new FakeProc(dir).machine(0, 0).process(100, 1, 10, 0, 0, 0).process(101, 100, 30, 0, 0, 0);
        ProcessTree tree = new ProcessTree(p.root(), 100, false);
        assertEquals(30, tree.read().treeTicks());
        p.gone(101).process(100, 1, 10, 0, 35, 0); // it ran 5 more ticks, then the root reaped it
        assertEquals(35, tree.read().treeTicks());
    }

    @Test
    void aGoneRootOrUnreadableStatIsAnErrorNamingTheFile() {
        FakeProc p = new FakeProc(dir).machine(1, 1);
        ProcReadException e = assertThrows(ProcReadException.class, () -> new ProcessTree(p.root(), 100, true).read());
        assertTrue(e.getMessage().contains("100/stat") && e.getMessage().contains("gone"), e.getMessage());
        ProcReadException noStat = assertThrows(ProcReadException.class,
                () -> new ProcessTree(dir.resolve("nowhere"), 100, true).read());
        assertTrue(noStat.getMessage().contains("nowhere"), noStat.getMessage());
    }

    @Test
    void treeLoadIsTreeTimeOverWallTimesLogicalCpus() {
        CpuTimes a = new CpuTimes(0, 100, 400);
        assertEquals(0.25, CpuPowerModel.treeLoad(a, new CpuTimes(50, 200, 600)), 1e-12);
        assertEquals(1.0, CpuPowerModel.treeLoad(a, new CpuTimes(900, 200, 600)), 1e-12, "capped");
        assertTrue(Double.isNaN(CpuPowerModel.treeLoad(a, a)), "no tick elapsed");
    }
}
