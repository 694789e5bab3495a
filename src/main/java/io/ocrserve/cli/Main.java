package io.ocrserve.cli;

import io.ocrserve.bench.OcrBenchmark;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * ocrserve's command line: {@code archive}, {@code ocr}, {@code models}, {@code bench}. Plain Java (no Quarkus, no CDI), so it
 * starts in a fraction of a second; {@code bin/ocrserve serve} starts the server itself.
 *
 * <p>Exit codes: 0 success, 1 a request or file failed, 2 bad arguments or a user error (bad archive inputs).
 */
@Command(name = "ocrserve", mixinStandardHelpOptions = true, version = "ocrserve 0.1.0",
        description = "OCR model server tools (run 'ocrserve serve' through bin/ocrserve to start the server).",
        subcommands = {ArchiveCommand.class, OcrCommand.class, ModelsCommand.class, EvalCommand.class,
                JobsCommand.class, OcrBenchmark.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a subcommand is required: archive, ocr, models, eval, jobs or bench");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(out, err, args));
    }

    /** Runs the command line with the given streams (tests use this) and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            // one line for the problem, one for the way out; the full usage only on --help
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("ocrserve: " + e.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            cmd.getErr().flush();
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("ocrserve: " + oneLine(e));
            cmd.getErr().flush();
            return e instanceof UserError ? USAGE : FAILED;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** A message fit for one terminal line (YAML/JSON parser messages span several). */
    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    /** A problem with what the user asked for: reported in one line, exit code 2. */
    static final class UserError extends RuntimeException {
        UserError(String message) {
            super(message);
        }
    }
}
