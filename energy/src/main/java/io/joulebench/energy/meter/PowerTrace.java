package io.joulebench.energy.meter;

import io.joulebench.energy.Method;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The power trace of a session, per domain: one point per successful reading.
 *
 * @param startedAt ISO-8601 wall-clock time of the session start (t = 0)
 * @param domains   per domain
 */
public record PowerTrace(String startedAt, List<DomainTrace> domains) {

    /**
     * One reading.
     *
     * @param seconds          monotonic seconds since the session start
     * @param watts            power at (power sensors) or since the previous point (counters); null for a counter's
     *                         first point
     * @param cumulativeJoules energy since the session start (unwrapped)
     */
    public record Point(double seconds, Double watts, double cumulativeJoules) {
    }

    /** The points of one domain. */
    public record DomainTrace(String domain, Method method, List<Point> points) {
        public DomainTrace {
            points = List.copyOf(points);
        }
    }

    public PowerTrace {
        domains = List.copyOf(domains);
    }

    /** Writes CSV: {@code domain,method,t_seconds,watts,cumulative_joules}; an unknown watts cell is empty. */
    public void writeCsv(Appendable out) throws IOException {
        out.append("domain,method,t_seconds,watts,cumulative_joules\n");
        for (DomainTrace d : domains) {
            for (Point p : d.points()) {
                out.append(d.domain()).append(',').append(d.method().name()).append(',')
                        .append(String.format(Locale.ROOT, "%.6f", p.seconds())).append(',')
                        .append(p.watts() == null ? "" : String.format(Locale.ROOT, "%.4f", p.watts())).append(',')
                        .append(String.format(Locale.ROOT, "%.6f", p.cumulativeJoules())).append('\n');
            }
        }
    }
}
