package io.joulebench.energy.meter;

import io.joulebench.energy.Domain;
import io.joulebench.energy.Quality;
import java.util.List;
import java.util.Optional;

/**
 * What a metering session measured. Plain data (records, lists, boxed numbers, strings, enums) so that any JSON
 * mapper can write it; null means "not available", never zero.
 *
 * @param startedAt          ISO-8601 wall-clock time of the session start (intervals use the monotonic clock)
 * @param windowSeconds      monotonic length of the window
 * @param intervalMillis     sampler period; 0 for a manually sampled session
 * @param domains            per domain, whole window
 * @param phases             per phase (empty when no mark was set)
 * @param totalJoules        gross sum over additive domains (GPUs, CPU package, DRAM) that have a figure
 * @param totalIdleJoules    idle sum over the same domains, when a baseline was given
 * @param totalNetJoules     totalJoules - totalIdleJoules
 * @param totalNote          which domains the totals leave out, and why; null when none
 * @param idle               the baseline used; null when none
 * @param samplerCpuSeconds  CPU time of the sampler thread; null in manual mode or where unsupported
 * @param samplerCpuShare    samplerCpuSeconds / windowSeconds (share of one core)
 */
public record EnergyReport(String startedAt, double windowSeconds, double intervalMillis, List<DomainEnergy> domains,
                           List<PhaseEnergy> phases, Double totalJoules, Double totalIdleJoules, Double totalNetJoules,
                           String totalNote, IdleBaseline idle, Double samplerCpuSeconds, Double samplerCpuShare,
                           List<AttributedEnergy> attributed, Double attributedTotalJoules, String attributedNote) {
    public EnergyReport {
        domains = List.copyOf(domains);
        phases = List.copyOf(phases);
        attributed = attributed == null ? List.of() : List.copyOf(attributed);
    }

    /** Without attribution. */
    public EnergyReport(String startedAt, double windowSeconds, double intervalMillis, List<DomainEnergy> domains,
                        List<PhaseEnergy> phases, Double totalJoules, Double totalIdleJoules, Double totalNetJoules,
                        String totalNote, IdleBaseline idle, Double samplerCpuSeconds, Double samplerCpuShare) {
        this(startedAt, windowSeconds, intervalMillis, domains, phases, totalJoules, totalIdleJoules, totalNetJoules,
                totalNote, idle, samplerCpuSeconds, samplerCpuShare, List.of(), null, null);
    }

    /**
     * The report as the process tree sees it, for carbon and summaries under {@code --scope process}: the attributed
     * figures as its domains, their sum as its total, no idle or net (an idle machine's power is not the tree's),
     * no phases. Empty when nothing was attributed.
     */
    public Optional<EnergyReport> processScope() {
        if (attributed.isEmpty()) {
            return Optional.empty();
        }
        List<DomainEnergy> ds = attributed.stream().map(a -> new DomainEnergy(a.domain(),
                "ATTRIBUTED share of " + new Domain(a.domain()).scope() + " to the " + a.tree(), "attribution",
                a.basis() + " figure x CPU time of the " + a.tree() + " / busy CPU time, per interval",
                a.basis(), a.quality(), a.joules(), a.joules() == null || windowSeconds <= 0 ? null
                : a.joules() / windowSeconds, null, null, null, null, 0, 0, null, null, windowSeconds, a.reason(),
                a.notes())).toList();
        return Optional.of(new EnergyReport(startedAt, windowSeconds, intervalMillis, ds, List.of(),
                attributedTotalJoules, null, null, attributedNote, null, samplerCpuSeconds, samplerCpuShare,
                attributed, attributedTotalJoules, attributedNote));
    }

    /** Additive domains (GPUs, CPU package, DRAM) whose PARTIAL figure is in the totals. */
    public List<DomainEnergy> partialInTotal() {
        return domains.stream().filter(d -> additive(d) && d.joules() != null && d.quality() == Quality.PARTIAL)
                .toList();
    }

    /** Additive domains the totals leave out because they have no figure (UNAVAILABLE). */
    public List<DomainEnergy> unavailableLeftOut() {
        return domains.stream().filter(d -> additive(d) && d.joules() == null).toList();
    }

    private static boolean additive(DomainEnergy d) {
        return new Domain(d.domain()).additive();
    }

    /** "gpu:0 (reason)" for each, joined with "; ". */
    public static String describe(List<DomainEnergy> domains) {
        return String.join("; ", domains.stream().map(d -> d.domain() + " (" + (d.reason() == null ? "no reason given"
                : d.reason()) + ")").toList());
    }

    /** The whole-window figure of one domain. */
    public Optional<DomainEnergy> domain(String id) {
        return domains.stream().filter(d -> d.domain().equals(id)).findFirst();
    }

    /** The phases with this name, in order. */
    public List<PhaseEnergy> phases(String name) {
        return phases.stream().filter(p -> p.phase().equals(name)).toList();
    }
}
