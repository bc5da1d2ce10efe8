package io.joulebench.harness.suite;

import io.joulebench.harness.Defaults;
import com.fasterxml.jackson.databind.JsonNode;
import io.joulebench.algorithms.InvalidConfigurationException;
import io.joulebench.algorithms.TrainerRegistry;
import io.joulebench.harness.trial.TrialPlan;
import io.joulebench.harness.trial.TrialSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and validates a suite file. Every mistake is one {@link SuiteException} naming the file, the line, the
 * key and the fix; nothing is trained before the whole file is valid.
 */
public final class SuiteLoader {
    private static final Set<String> TOP = Set.of("name", "description", "dataset", "seeds", "repetitions",
            "protocols", "split-seed", "warmup", "cooldown", "idle", "idle-max-age", "shuffle-seed", "noise", "target-accuracy",
            "energy", "arms");
    private static final Set<String> ARM = Set.of("id", "trainer", "preset", "dataset", "parameters", "baseline");
    private static final Set<String> COOLDOWN = Set.of("fixed", "until-idle", "tolerance", "timeout");
    /** Energy options a suite may set; the same names as the command-line options. */
    public static final Set<String> ENERGY = Set.of("interval", "region", "pue", "intensity", "require",
            "no-energy", "powercap-root", "nvml-library");
    private static final Set<String> PROTOCOLS = Set.of(TrialSpec.OWN_CONVERGENCE, TrialSpec.MATCHED_PASSES,
            Suite.TO_TARGET);
    private static final Pattern RANGE = Pattern.compile("(\\d+)\\s*\\.\\.\\s*(\\d+)");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final YamlTree tree;
    private final SuiteValues v;

    private SuiteLoader(Path file, YamlTree tree) {
        this.tree = tree;
        this.v = new SuiteValues(file, tree);
    }

    /** Loads and validates against the trainers in {@code registry}. */
    public static Suite load(Path file, TrainerRegistry registry) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SuiteException(file + ": no such suite file; see suites/ for the shipped ones");
        } catch (IOException e) {
            throw new SuiteException(file + ": cannot read (" + e.getMessage() + ")");
        }
        return parse(file, bytes, registry);
    }

    /** Validates a suite's bytes; {@code name} is what messages call the file. */
    public static Suite parse(Path name, byte[] bytes, TrainerRegistry registry) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        YamlTree tree;
        try {
            tree = YamlTree.parse(text);
        } catch (IOException e) {
            throw new SuiteException(name + ": not valid YAML: " + firstLine(e.getMessage()));
        }
        return new SuiteLoader(name, tree).suite(sha256(bytes), registry);
    }

    private Suite suite(String hash, TrainerRegistry registry) {
        JsonNode root = tree.root;
        if (!root.isObject()) {
            throw v.error("", "the file must be a mapping with name, seeds and arms");
        }
        v.keys(root, "", TOP);
        String name = v.text(root, "name", null);
        if (name == null || name.isBlank()) {
            throw v.error("name", "'name' is missing: give the suite a name");
        }
        String dataset = v.text(root, "dataset", null);
        List<Long> seeds = seeds(root.get("seeds"), "seeds");
        int repetitions = v.integer(root, "repetitions", 1, 1, 1000);
        List<String> protocols = protocols(root.get("protocols"));
        int warmup = v.integer(root, "warmup", Defaults.WARMUP_TRIALS, 0, 100);
        Suite.Cooldown cooldown = cooldown(root.get("cooldown"));
        Duration idle = v.duration(root, "idle", Defaults.IDLE_DURATION);
        Duration idleMaxAge = v.duration(root, "idle-max-age", Defaults.IDLE_MAX_AGE);
        long shuffleSeed = v.integer(root, "shuffle-seed", 1, 0, Integer.MAX_VALUE);
        Double noise = root.has("noise") ? v.percent(root.get("noise").asText(), "noise") : null;
        Double target = root.has("target-accuracy") ? v.percent(root.get("target-accuracy").asText(),
                "target-accuracy") : null;
        Map<String, String> energy = energy(root.get("energy"));
        List<Suite.Arm> arms = arms(root.get("arms"), dataset, registry, seeds.get(0));
        String split = v.text(root, "split-seed", Defaults.SPLIT_SEED);
        Long splitSeed = null;
        if (!split.equals(Suite.SPLIT_PER_TRIAL)) {
            try {
                splitSeed = Long.parseLong(split.trim());
            } catch (NumberFormatException e) {
                throw v.error("split-seed", "split-seed '" + split + "' must be an integer or 'trial'");
            }
        }
        return new Suite(name, v.text(root, "description", null), hash, seeds, repetitions, protocols, splitSeed,
                warmup, cooldown, idle, idleMaxAge, shuffleSeed, noise, target, energy, arms);
    }

    private List<Suite.Arm> arms(JsonNode node, String dataset, TrainerRegistry registry, long firstSeed) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw v.error("arms", "'arms' must be a list of at least one arm (id, trainer, preset, ...)");
        }
        List<Suite.Arm> arms = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "arms[" + i + "]";
            JsonNode a = node.get(i);
            if (!a.isObject()) {
                throw v.error(path, path + " must be a mapping with id and trainer");
            }
            v.keys(a, path, ARM);
            String id = v.required(a, path, "id");
            if (!ID.matcher(id).matches()) {
                throw v.error(path + ".id", path + ".id '" + id + "' must be letters, digits, '.', '_' or '-'");
            }
            if (!ids.add(id)) {
                throw v.error(path + ".id", "arm id '" + id + "' is used twice; arm ids must be unique");
            }
            String trainer = v.required(a, path, "trainer");
            if (!registry.all().stream().anyMatch(p -> p.id().equals(trainer))) {
                throw v.error(path + ".trainer", path + ".trainer '" + trainer + "' is not a trainer (known: "
                        + String.join(", ", registry.all().stream().map(p -> p.id()).toList()) + ")");
            }
            String armDataset = v.text(a, "dataset", dataset);
            if (armDataset == null) {
                throw v.error(path, "arm '" + id + "' has no dataset: set 'dataset' at the top or in the arm");
            }
            Map<String, String> params = parameters(a.get("parameters"), path + ".parameters");
            Suite.Arm arm = new Suite.Arm(id, trainer, v.text(a, "preset", null), armDataset, params,
                    v.text(a, "baseline", null), v.line(path));
            try {
                TrialPlan.resolve(registry, trainer, armDataset, arm.preset(), params, firstSeed, 42);
            } catch (InvalidConfigurationException e) {
                throw v.error(path, "arm '" + id + "': " + e.getMessage());
            }
            arms.add(arm);
        }
        for (int i = 0; i < arms.size(); i++) {
            Suite.Arm arm = arms.get(i);
            if (arm.baseline() != null && (!ids.contains(arm.baseline()) || arm.baseline().equals(arm.id()))) {
                throw v.error("arms[" + i + "].baseline", "arms[" + i + "].baseline '" + arm.baseline()
                        + "' is not another arm (arms: " + String.join(", ", ids) + ")");
            }
        }
        return arms;
    }

    private Map<String, String> parameters(JsonNode node, String path) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw v.error(path, path + " must be a mapping of parameter: value");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), v.scalarOrList(e.getValue(), path + "." + e.getKey()));
        }
        return out;
    }

    private List<Long> seeds(JsonNode node, String path) {
        if (node == null) {
            throw v.error(path, "'seeds' is missing: give a list such as [1, 2, 3] or a range such as 1..5");
        }
        List<String> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> items.add(n.asText()));
        } else {
            items.add(node.asText());
        }
        try {
            return Seeds.parse(String.join(",", items));
        } catch (IllegalArgumentException e) {
            throw v.error(path, "seeds: " + e.getMessage());
        }
    }

    private List<String> protocols(JsonNode node) {
        if (node == null) {
            return List.of(TrialSpec.OWN_CONVERGENCE);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < (node.isArray() ? node.size() : 1); i++) {
            String p = (node.isArray() ? node.get(i) : node).asText();
            if (!PROTOCOLS.contains(p)) {
                throw v.error("protocols", "protocols: '" + p + "' is not one of " + String.join(", ",
                        List.of(TrialSpec.OWN_CONVERGENCE, TrialSpec.MATCHED_PASSES, Suite.TO_TARGET)));
            }
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        if (!out.contains(TrialSpec.OWN_CONVERGENCE)) {
            // matched-passes and to-target both start from the arms' own-convergence trials.
            out.add(0, TrialSpec.OWN_CONVERGENCE);
        }
        return out;
    }

    private Suite.Cooldown cooldown(JsonNode node) {
        if (node == null || node.isNull()) {
            return Suite.Cooldown.NONE;
        }
        if (node.isValueNode()) {
            return new Suite.Cooldown(v.parseDuration(node.asText(), "cooldown"), false, Defaults.COOLDOWN_TOLERANCE,
                    Defaults.COOLDOWN_TIMEOUT);
        }
        v.keys(node, "cooldown", COOLDOWN);
        Duration fixed = v.duration(node, "fixed", Duration.ZERO, "cooldown.fixed");
        boolean untilIdle = v.bool(node, "until-idle", false, "cooldown.until-idle");
        double tolerance = node.has("tolerance") ? v.percent(node.get("tolerance").asText(), "cooldown.tolerance")
                : Defaults.COOLDOWN_TOLERANCE;
        Duration timeout = v.duration(node, "timeout", Defaults.COOLDOWN_TIMEOUT, "cooldown.timeout");
        return new Suite.Cooldown(fixed, untilIdle, tolerance, timeout);
    }

    private Map<String, String> energy(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw v.error("energy", "'energy' must be a mapping of option: value (" + String.join(", ",
                    ENERGY.stream().sorted().toList()) + ")");
        }
        v.keys(node, "energy", ENERGY);
        node.fields().forEachRemaining(e -> out.put(e.getKey(), v.scalarOrList(e.getValue(), "energy." + e.getKey())));
        return out;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks a {@code --shard i/n} or similar value in one place: used by the planner's callers. */
    static Matcher range(String s) {
        return RANGE.matcher(s.trim());
    }
}
