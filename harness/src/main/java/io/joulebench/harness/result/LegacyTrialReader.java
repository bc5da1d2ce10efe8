package io.joulebench.harness.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.joulebench.algorithms.TrainingResult;
import io.joulebench.energy.carbon.CarbonEstimate;
import io.joulebench.energy.host.HostFacts;
import io.joulebench.energy.meter.EnergyReport;
import io.joulebench.energy.nvml.GpuFacts;
import io.joulebench.harness.provenance.Provenance;
import io.joulebench.harness.trial.TrialEnergy;
import io.joulebench.harness.trial.TrialSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code joulebench.trial/1} lines (written by JouleBench before the result model was versioned) into
 * trial/2 records. Trial/1 stored other modules' records as they were; they are parsed with those types here
 * and mapped like fresh ones. Their specs name no protocol, repetition or engine settings: they read as the
 * first repetition under own convergence with unknown settings, so their keys never match a new trial's.
 */
final class LegacyTrialReader {
    static final String SCHEMA = "joulebench.trial/1";

    private LegacyTrialReader() {
    }

    static TrialRecord convert(JsonNode n, ObjectMapper json) throws JsonProcessingException {
        JsonNode s = n.path("spec");
        Map<String, String> params = new LinkedHashMap<>();
        s.path("parameters").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        TrialSpec spec = new TrialSpec(s.path("trainer").asText(), s.path("dataset").asText(),
                s.hasNonNull("preset") ? s.get("preset").asText() : null, s.path("seed").asLong(),
                s.path("splitSeed").asLong(), params, 0, TrialSpec.OWN_CONVERGENCE, Map.of());
        List<EpochRecord> epochs = new ArrayList<>();
        for (JsonNode e : n.path("epochs")) {
            epochs.add(json.treeToValue(e, EpochRecord.class));
        }
        TrialOutcome result = n.hasNonNull("result")
                ? TrialOutcome.of(json.treeToValue(n.get("result"), TrainingResult.class)) : null;
        MemoryRecord memory = n.hasNonNull("memory") ? json.treeToValue(n.get("memory"), MemoryRecord.class) : null;
        EnergyRecord energy = n.hasNonNull("energy") ? energy(n.get("energy"), json) : null;
        Double training = number(n, "trainingSeconds");
        Double test = number(n, "testSeconds");
        List<Metric> metrics = Metrics.of(result, training, test, epochs, energy,
                "not metered (a trial/1 record without energy)", memory);
        return new TrialRecord(TrialRecord.SCHEMA, TrialKey.of(spec), n.path("trialId").asText(null),
                n.path("startedAt").asText(null), n.path("status").asText(), n.path("error").asText(null), false,
                spec, null, epochs, result, metrics, energy, memory, null, null, provenance(n.path("provenance"),
                json));
    }

    private static EnergyRecord energy(JsonNode e, ObjectMapper json) throws JsonProcessingException {
        EnergyReport report = json.treeToValue(e.get("training"), EnergyReport.class);
        CarbonEstimate carbon = e.hasNonNull("carbon") ? json.treeToValue(e.get("carbon"), CarbonEstimate.class)
                : null;
        return EnergyMapping.map(new TrialEnergy(report, carbon, gpus(e.get("gpusAtStart"), json),
                gpus(e.get("gpusAtEnd"), json), e.path("error").asText(null)));
    }

    private static List<GpuFacts> gpus(JsonNode list, ObjectMapper json) throws JsonProcessingException {
        if (list == null || list.isNull()) {
            return null;
        }
        List<GpuFacts> out = new ArrayList<>();
        for (JsonNode g : list) {
            out.add(json.treeToValue(g, GpuFacts.class));
        }
        return out;
    }

    private static Provenance provenance(JsonNode p, ObjectMapper json) throws JsonProcessingException {
        if (p.isMissingNode() || p.isNull()) {
            return null;
        }
        Map<String, String> jvm = json.convertValue(p.path("jvm"), Map.class);
        Map<String, String> backend = json.convertValue(p.path("backend"), Map.class);
        HostFacts h = p.hasNonNull("host") ? json.treeToValue(p.get("host"), HostFacts.class) : null;
        Provenance.Host host = h == null ? null : new Provenance.Host(null, h.cpuModel(), h.cpuPackages(),
                h.physicalCores(), h.logicalCores(), h.maxFrequencyHz(), h.frequencyGovernor(), h.os(),
                h.totalMemoryBytes());
        Provenance.DatasetFacts dataset = p.hasNonNull("dataset")
                ? json.treeToValue(p.get("dataset"), Provenance.DatasetFacts.class) : null;
        return new Provenance(p.path("joulebenchVersion").asText(null), p.path("gitCommit").asText(null),
                p.path("gitNote").asText(null), jvm, host, backend, dataset, Map.of(), Map.of());
    }

    private static Double number(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asDouble() : null;
    }
}
