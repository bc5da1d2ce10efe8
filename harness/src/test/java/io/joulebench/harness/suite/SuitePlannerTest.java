package io.joulebench.harness.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.algorithms.InvalidConfigurationException;
import io.joulebench.algorithms.TrainerRegistry;
import io.joulebench.harness.trial.TrialSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuitePlannerTest {
    private static final TrainerRegistry REGISTRY = TrainerRegistry.load();

    private static List<PlannedTrial> plan(String yaml, Shard shard) {
        return SuitePlanner.plan(SuiteLoaderTest.parse(yaml), null, shard, REGISTRY);
    }

    private static String order(List<PlannedTrial> plan) {
        List<String> s = new ArrayList<>();
        for (PlannedTrial t : plan) {
            s.add((t.warmup() ? "w:" : "") + t.arm().id() + t.plan().spec().seed()
                    + (t.protocol().equals(TrialSpec.MATCHED_PASSES) ? "m" : ""));
        }
        return String.join(" ", s);
    }

    @Test
    void blocksArePairedShuffledBySeedAndAlternateArmsAbba() {
        List<PlannedTrial> p = plan(SuiteLoaderTest.EXAMPLE, Shard.ALL);
        // One warm-up, then per block bp and mf own-convergence and mf matched-passes, direction alternating.
        assertEquals(1 + 5 * 3, p.size());
        assertTrue(p.get(0).warmup());
        assertEquals(-1, p.get(0).plan().spec().repetition(), "a warm-up has a key of its own");
        String o = order(p);
        String[] blocks = o.substring(o.indexOf(' ') + 1).split(" ");
        for (int b = 0; b < 5; b++) {
            String first = blocks[3 * b];
            String second = blocks[3 * b + 1];
            assertEquals(first.substring(first.length() - 1), second.substring(second.length() - 1), o);
            assertEquals(b % 2 == 0 ? "bp" : "mf", first.substring(0, 2), "ABBA: " + o);
            assertTrue(blocks[3 * b + 2].endsWith("m"), "matched passes follow their block: " + o);
        }
        assertEquals(o, order(plan(SuiteLoaderTest.EXAMPLE, Shard.ALL)), "the order is seeded: the same every time");
        assertTrue(!o.equals(order(plan(SuiteLoaderTest.EXAMPLE + "shuffle-seed: 7\n", Shard.ALL))),
                "another shuffle seed, another order");
    }

    @Test
    void shardsSplitWholeBlocksAndTogetherCoverThePlanOnce() {
        Set<String> keys = new HashSet<>();
        int total = 0;
        for (int i = 1; i <= 3; i++) {
            for (PlannedTrial t : plan(SuiteLoaderTest.EXAMPLE + "warmup: 0\n", new Shard(i, 3))) {
                assertTrue(keys.add(t.plan().spec().key() + t.protocol()), "each trial in one shard only");
                total++;
            }
        }
        assertEquals(15, total);
        assertThrows(InvalidConfigurationException.class, () -> Shard.parse("4/3"));
        assertThrows(InvalidConfigurationException.class, () -> Shard.parse("two"));
    }

    @Test
    void seedListsAreExplicitAndNeverRepeat() {
        assertEquals(List.of(1L, 2L, 3L, 7L), Seeds.parse("1..3, 7"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Seeds.parse("1,1")).getMessage()
                .contains("seed 1 is given twice"));
        assertThrows(IllegalArgumentException.class, () -> Seeds.parse("3..1"));
        assertThrows(IllegalArgumentException.class, () -> Seeds.parse("1,,2"));
    }
}
