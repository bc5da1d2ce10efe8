package io.joulebench.harness.cli;

import io.joulebench.energy.carbon.CarbonEstimate;
import io.joulebench.energy.host.HostFacts;
import io.joulebench.energy.meter.AttributedEnergy;
import io.joulebench.energy.meter.DomainEnergy;
import io.joulebench.energy.meter.IdleBaseline;
import io.joulebench.energy.meter.ProviderStatus;
import java.util.List;

/**
 * What {@code joulebench measure --json} writes. Nulls mean "not available", never zero.
 *
 * @param command         the metered command line
 * @param exitCode        its exit status
 * @param startedAt       wall-clock start (ISO-8601)
 * @param windowSeconds   the metered window (monotonic)
 * @param intervalMillis  sampler period
 * @param domains         per domain: domain, joules, method, quality, samples, idle/net, uncertainty, reason
 * @param totalJoules     gross sum over additive domains
 * @param totalIdleJoules idle sum (with --idle)
 * @param totalNetJoules  gross - idle
 * @param totalNote       what the totals leave out
 * @param idle            the idle baseline measured before the command (with --idle)
 * @param carbon          carbon of the gross energy
 * @param samplerCpuShare sampler thread CPU time / window (share of one core)
 * @param host            machine facts
 * @param providers       every provider's status
 * @param interruptedBy   the signal that interrupted the measurement ({@code SIGINT}, {@code SIGTERM}), else null:
 *                        the figures then cover the command until it stopped
 * @param scope           which figures the summary and carbon use: {@code machine} or {@code process}
 * @param attributed      the command's process tree's ATTRIBUTED share of the CPU package and DRAM
 * @param attributedTotalJoules their sum; null when none has a figure
 * @param attributedNote  what the attributed total leaves out (GPUs are not attributed)
 */
public record MeasureResult(List<String> command, int exitCode, String startedAt, double windowSeconds,
                            double intervalMillis, List<DomainEnergy> domains, Double totalJoules,
                            Double totalIdleJoules, Double totalNetJoules, String totalNote, IdleBaseline idle,
                            CarbonEstimate carbon, Double samplerCpuShare, HostFacts host,
                            List<ProviderStatus> providers, String interruptedBy, String scope,
                            List<AttributedEnergy> attributed, Double attributedTotalJoules, String attributedNote) {
}
