package io.ocrserve.cli;

import io.ocrserve.serving.archive.ArchiveException;
import io.ocrserve.serving.archive.ArchiveUnpacker;
import io.ocrserve.serving.archive.ArchiveWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ocrserve archive}: torch-model-archiver's options, writing an archive our server can load. */
@Command(name = "archive",
        description = "Build a model archive (.mar zip, .tar.gz or folder) from an ONNX/TorchScript model (or Tesseract .traineddata) and its config.",
        footer = {"", "Example:", "  ocrserve archive --model-name ppocr_det --version 1.0 --model det.onnx \\",
                "      --config configs/textdet/ppocr_det.yaml --export-path model-store --force"})
public final class ArchiveCommand implements Callable<Integer> {

    /** torch-model-archiver's --archive-format values that make sense here. */
    enum Format {
        DEFAULT("default", ArchiveUnpacker.Format.ZIP),
        TGZ("tgz", ArchiveUnpacker.Format.TAR_GZ),
        NO_ARCHIVE("no-archive", ArchiveUnpacker.Format.DIRECTORY);

        final String flag;
        final ArchiveUnpacker.Format format;

        Format(String flag, ArchiveUnpacker.Format format) {
            this.flag = flag;
            this.format = format;
        }

        static Format parse(String s) {
            for (Format f : values()) {
                if (f.flag.equals(s)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("expected one of default, tgz, no-archive, got '" + s + "'");
        }
    }

    @Spec
    CommandSpec spec;

    // no mixinStandardHelpOptions: its --version would clash with torch-model-archiver's --version
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--model-name", required = true, paramLabel = "NAME", description = "Model name (letters, digits, '_', '-', '.').")
    String name;

    @Option(names = {"--version", "-v"}, required = true, paramLabel = "V", description = "Model version, e.g. 1.0.")
    String version;

    @Option(names = {"--model", "--serialized-file"}, paramLabel = "FILE",
            description = "The model: .onnx, TorchScript .pt, or .traineddata for engine Tesseract (not needed for task ocr).")
    Path model;

    @Option(names = "--config", required = true, paramLabel = "YAML", description = "Model config (task, pre/postprocessing).")
    Path config;

    @Option(names = "--extra-files", split = ",", paramLabel = "FILE", description = "Comma-separated extra files (dictionaries, ...).")
    List<Path> extraFiles = List.of();

    @Option(names = "--worker-config", paramLabel = "YAML", description = "model-config.yaml: workers, batch size, timeouts.")
    Path workerConfig;

    @Option(names = "--export-path", required = true, paramLabel = "DIR", description = "Folder to write the archive to.")
    Path exportPath;

    @Option(names = "--archive-format", paramLabel = "FORMAT", defaultValue = "default", converter = FormatConverter.class,
            description = "default (zip .mar), tgz (.tar.gz) or no-archive (a folder). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = {"--force", "-f"}, description = "Overwrite an existing archive of the same name.")
    boolean force;

    @Override
    public Integer call() {
        try {
            Path written = new ArchiveWriter().write(new ArchiveWriter.Request(name, version, model, config,
                    extraFiles, workerConfig, exportPath, format.format, force));
            spec.commandLine().getOut().println(written);
            return Main.OK;
        } catch (ArchiveException | IOException e) {
            // ArchiveException messages are written for people; IO problems (bad YAML, disk) are the user's to fix too
            String prefix = e instanceof ArchiveException ? "" : "cannot build the archive: ";
            spec.commandLine().getErr().println("ocrserve archive: " + prefix + Main.oneLine(e));
            return Main.USAGE;
        }
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
