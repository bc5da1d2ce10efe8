package io.joulebench.harness.cli;

import io.joulebench.harness.results.OutputFolder;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --wait-lock}, and the folder opening that run and demo share: validated and locked before anything runs. */
final class LockOptions {
    @Option(names = "--wait-lock",
            description = "If another run holds the output folder, wait for it instead of refusing.")
    boolean waitLock;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    OutputFolder open(Path out) throws InterruptedException {
        return OutputFolder.open(out, "--out", waitLock, System.err::println);
    }

    /** The arguments this command was given: rerunning them resumes it. */
    List<String> originalArgs() {
        CommandLine.ParseResult parsed = spec.root().commandLine().getParseResult();
        return parsed == null ? List.of() : parsed.originalArgs();
    }
}
