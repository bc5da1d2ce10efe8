package io.joulebench.algorithms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Every {@link TrainerProvider} on the class path, by id. */
public final class TrainerRegistry {
    private final Map<String, TrainerProvider> byId = new TreeMap<>();

    public TrainerRegistry(Iterable<TrainerProvider> providers) {
        for (TrainerProvider p : providers) {
            TrainerProvider previous = byId.putIfAbsent(p.id(), p);
            if (previous != null) {
                throw new IllegalStateException("two trainer providers claim id '" + p.id() + "': "
                        + previous.getClass().getName() + " and " + p.getClass().getName());
            }
        }
    }

    /** The providers found by ServiceLoader on the class path. */
    public static TrainerRegistry load() {
        return new TrainerRegistry(ServiceLoader.load(TrainerProvider.class));
    }

    public List<TrainerProvider> all() {
        List<TrainerProvider> list = new ArrayList<>(byId.values());
        list.sort(Comparator.comparing(TrainerProvider::id));
        return list;
    }

    /** @throws InvalidConfigurationException naming the unknown id and the known ones */
    public TrainerProvider get(String id) {
        TrainerProvider p = byId.get(id);
        if (p == null) {
            throw new InvalidConfigurationException("unknown trainer '" + id + "'; known trainers: "
                    + String.join(", ", byId.keySet()) + " (see 'joulebench list trainers')");
        }
        return p;
    }
}
