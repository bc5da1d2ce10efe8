package io.joulebench.harness.suite;

import io.joulebench.algorithms.InvalidConfigurationException;

/**
 * {@code --shard i/n}: this process runs the blocks at positions i-1, i-1+n, ... of the shuffled plan. Whole
 * blocks, so that a matched-passes trial finds the paired trials it depends on in its own shard.
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new InvalidConfigurationException("--shard " + index + "/" + count
                    + " is not a shard: write i/n with 1 <= i <= n, e.g. --shard 2/4");
        }
    }

    public static Shard parse(String text) {
        String[] parts = text.trim().split("/");
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new InvalidConfigurationException("--shard '" + text + "' is not i/n; write e.g. --shard 2/4");
    }

    boolean includes(int position) {
        return position % count == index - 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
