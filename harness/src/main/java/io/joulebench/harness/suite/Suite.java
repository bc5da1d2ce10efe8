package io.joulebench.harness.suite;

import io.joulebench.harness.Defaults;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A validated suite.
 *
 * @param hash         SHA-256 of the file's bytes: shards and merges refuse results of another suite
 * @param seeds        paired seeds: every arm trains once per seed (and repetition)
 * @param protocols    {@code own-convergence}, {@code matched-passes}, {@code to-target} (computed, never run)
 * @param splitSeed    the train/validation split seed; null for a split per trial drawn from its seed
 * @param warmup       warm-up trials before the first block (recorded, excluded from statistics)
 * @param cooldown     what to wait between trials
 * @param idle         idle-baseline window; {@link Duration#ZERO} skips it
 * @param idleMaxAge   re-measure the idle baseline when it is older than this
 * @param shuffleSeed  seed of the block order
 * @param energy       energy options set in the file ({@code interval}, {@code region}, {@code pue}, ...), as text
 */
public record Suite(String name, String description, String hash, List<Long> seeds, int repetitions,
                    List<String> protocols, Long splitSeed, int warmup, Cooldown cooldown, Duration idle, Duration idleMaxAge,
                    long shuffleSeed, Double noise, Double targetAccuracy, Map<String, String> energy,
                    List<Arm> arms) {
    public static final String TO_TARGET = "to-target";
    /** {@code split-seed: trial}: every trial draws its split from its own seed, as the study did. */
    public static final String SPLIT_PER_TRIAL = "trial";

    public Suite {
        seeds = List.copyOf(seeds);
        protocols = List.copyOf(protocols);
        energy = Map.copyOf(energy);
        arms = List.copyOf(arms);
    }

    /**
     * One arm: a trainer with its settings on a dataset.
     *
     * @param baseline the arm this one is compared with, or null
     * @param line     where the arm starts in the file (for messages)
     */
    public record Arm(String id, String trainer, String preset, String dataset, Map<String, String> parameters,
                      String baseline, int line) {
        public Arm {
            parameters = Map.copyOf(parameters);
        }
    }

    /**
     * Between trials: a fixed wait, or until total power is back within {@code tolerance} of idle (at most
     * {@code timeout}).
     */
    public record Cooldown(Duration fixed, boolean untilIdle, double tolerance, Duration timeout) {
        public static final Cooldown NONE = new Cooldown(Duration.ZERO, false, Defaults.COOLDOWN_TOLERANCE,
                Defaults.COOLDOWN_TIMEOUT);

        public boolean none() {
            return fixed.isZero() && !untilIdle;
        }
    }

    /** The suite restricted to some arms; refuses an unknown arm or one whose baseline is left out. */
    public Suite only(List<String> ids) {
        for (String id : ids) {
            Arm a = arm(id);
            if (a == null) {
                throw new SuiteException("--arms: '" + id + "' is not an arm of suite '" + name + "' (arms: "
                        + String.join(", ", arms.stream().map(Arm::id).toList()) + ")");
            }
            if (a.baseline() != null && !ids.contains(a.baseline())) {
                throw new SuiteException("--arms: arm '" + id + "' is compared with '" + a.baseline()
                        + "'; add it: --arms " + String.join(",", ids) + "," + a.baseline());
            }
        }
        return new Suite(name, description, hash, seeds, repetitions, protocols, splitSeed, warmup, cooldown, idle,
                idleMaxAge, shuffleSeed, noise, targetAccuracy, energy,
                arms.stream().filter(a -> ids.contains(a.id())).toList());
    }

    public Arm arm(String id) {
        return arms.stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
    }

    public long splitSeedFor(long seed) {
        return splitSeed == null ? seed : splitSeed;
    }

    public boolean runs(String protocol) {
        return protocols.contains(protocol);
    }
}
