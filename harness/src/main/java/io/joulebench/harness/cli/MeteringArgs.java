package io.joulebench.harness.cli;

import io.joulebench.harness.suite.SuiteLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The energy options in force for a suite: what the command line says explicitly, else what the suite file says,
 * else the defaults. Kept as arguments, so the parent parses them once and hands the sampler, sensor and carbon
 * options on to every forked trial unchanged.
 */
final class MeteringArgs {
    /** The options a forked trial's own meter needs (idle, --require and --no-energy stay with the parent). */
    private static final List<String> FOR_TRIAL = List.of("--interval", "--region", "--pue", "--intensity",
            "--powercap-root", "--nvml-library", "--scope");
    private static final List<String> FLAGS = List.of("--no-energy");

    private final List<String> args;

    private MeteringArgs(List<String> args) {
        this.args = List.copyOf(args);
    }

    /**
     * @param cli  the command's parse result (its explicit options win)
     * @param file option name (without dashes) to value, from a suite file; empty for {@code run}
     */
    static MeteringArgs merge(CommandLine.ParseResult cli, Map<String, String> file) {
        List<String> out = new ArrayList<>();
        List<String> names = new ArrayList<>(SuiteLoader.ENERGY.stream().map(n -> "--" + n).sorted().toList());
        names.add("--idle");
        names.add("--scope"); // command line only: a suite file does not set it
        for (String name : names) {
            CommandLine.ParseResult matched = cli;
            if (matched.hasMatchedOption(name)) {
                CommandLine.Model.OptionSpec o = matched.matchedOption(name);
                if (FLAGS.contains(name)) {
                    out.add(name);
                } else {
                    out.add(name);
                    out.add(String.join(",", o.originalStringValues()));
                }
            } else if (file.containsKey(name.substring(2))) {
                String v = file.get(name.substring(2));
                if (FLAGS.contains(name)) {
                    if (Boolean.parseBoolean(v)) {
                        out.add(name);
                    }
                } else {
                    out.add(name);
                    out.add(v);
                }
            }
        }
        return new MeteringArgs(out);
    }

    /** The effective options, parsed and checked like the command line's own. */
    TrialMeteringOptions options() {
        Holder h = new Holder();
        new CommandLine(h).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args.toArray(String[]::new));
        return h.energy;
    }

    /** The arguments a forked trial's meter gets. */
    List<String> forTrial() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (FOR_TRIAL.contains(args.get(i))) {
                out.add(args.get(i));
                out.add(args.get(++i));
            } else if (!FLAGS.contains(args.get(i))) {
                i++;
            }
        }
        return out;
    }

    @Command(name = "energy-options")
    static final class Holder {
        @Mixin
        TrialMeteringOptions energy;
    }
}
