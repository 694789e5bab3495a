package io.ocrserve.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocrserve.ocr.FloatTensor;
import io.ocrserve.ocr.det.DbPostprocessorBench;
import io.ocrserve.ocr.det.TextRepr;
import io.ocrserve.serving.InferenceInput;
import io.ocrserve.serving.InferenceOutput;
import io.ocrserve.serving.LocalModels;
import io.ocrserve.serving.handlers.OcrHandlers;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ocrserve bench}: end-to-end OCR over HTTP (the real server as a child process) and the same pipeline
 * in-process (same archives, worker pools and handlers, no HTTP), at several concurrencies over a fixed image set,
 * plus DB postprocessing of a 736x1280 map. Results go to stdout, progress to stderr.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark end-to-end OCR over HTTP and in-process, and DB postprocessing.",
                "Starts the server from the build (target/quarkus-app) on free loopback ports; takes about 3 minutes "
                        + "on 2 cores with the defaults."})
public final class OcrBenchmark implements Callable<Integer> {
    static final double HTTP_GOAL_PERCENT = 5.0;
    static final double DB_GOAL_MS = 5.0;
    static final long MAX_IMAGE_PIXELS = 50_000_000L; // ocrserve.max-image-pixels' default
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--images", split = ",", paramLabel = "DIR",
            defaultValue = "/work/shared/data/mmocr-toy/toy_dataset/imgs/test,/work/shared/data/mmocr-toy/demo",
            description = "Folders of images (jpg, jpeg, png, bmp), in name order (default: ${DEFAULT-VALUE}).")
    List<Path> imageDirs;

    @Option(names = "--model-store", paramLabel = "DIR",
            description = "Model store with the archives (default: model-store of the ocrserve home).")
    Path modelStore;

    @Option(names = "--model", defaultValue = "ocr", description = "The model to call (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--concurrency", split = ",", defaultValue = "1,2,4,8",
            description = "HTTP client concurrencies (default: ${DEFAULT-VALUE}).")
    List<Integer> concurrency;

    @Option(names = "--in-process-concurrency", split = ",", defaultValue = "1,2,4,8",
            description = "In-process concurrencies (default: ${DEFAULT-VALUE}); must include 1 for the ratio.")
    List<Integer> localConcurrency;

    @Option(names = "--passes", defaultValue = "3",
            description = "Passes over the image set at concurrency 1 (default: ${DEFAULT-VALUE}).")
    int passes;

    @Option(names = "--concurrent-passes", defaultValue = "1",
            description = "Passes over the image set at each concurrency above 1 (default: ${DEFAULT-VALUE}).")
    int concurrentPasses;

    @Option(names = "--max-seconds-per-level", defaultValue = "90",
            description = "Stop a level early after this long (default: ${DEFAULT-VALUE}).")
    long maxSecondsPerLevel;

    @Option(names = "--skip", split = ",", paramLabel = "PART",
            description = "Parts to leave out: http, in-process, db.")
    List<String> skip = List.of();

    @Option(names = "--server-jar", paramLabel = "JAR",
            description = "The server's quarkus-run.jar (default: target/quarkus-app/quarkus-run.jar of the ocrserve home).")
    Path serverJar;

    @Option(names = "--server-jvm-option", paramLabel = "OPT",
            description = "Extra JVM option for the server process (repeatable), e.g. -Xmx2g.")
    List<String> serverJvmOptions = new ArrayList<>();

    @Option(names = "--startup-timeout", defaultValue = "180",
            description = "Seconds to wait for the server's /ping (default: ${DEFAULT-VALUE}).")
    long startupTimeout;

    @Option(names = "--db-runs", defaultValue = "200",
            description = "Timed DB postprocessing runs per text representation (default: ${DEFAULT-VALUE}).")
    int dbRuns;

    /** Runs the benchmark on its own: {@code java -cp ... io.ocrserve.bench.OcrBenchmark [options]}. */
    public static void main(String[] args) {
        System.exit(io.ocrserve.cli.Main.run(new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                Stream.concat(Stream.of("bench"), Stream.of(args)).toArray(String[]::new)));
    }

    private record Sample(String name, byte[] data, String contentType) {}

    /** Images the first mode's warm-up failed on (left out of the measured set), with why. */
    private Map<String, String> failed;
    private final List<String> notes = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        for (String part : skip) {
            if (!List.of("http", "in-process", "db").contains(part)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--skip: unknown part '" + part + "' (known: http, in-process, db)");
            }
        }
        if (passes < 1 || concurrentPasses < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--passes must be at least 1");
        }
        if (Stream.concat(concurrency.stream(), localConcurrency.stream()).anyMatch(c -> c < 1)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "concurrency must be at least 1");
        }
        Path home = home();
        Path store = modelStore != null ? modelStore : home.resolve("model-store");
        List<Sample> samples = loadImages(imageDirs);
        progress("%d images from %s; model store %s", samples.size(), imageDirs, store);

        List<String> summary = new ArrayList<>();
        if (!skip.contains("db")) {
            FloatTensor map = DbPostprocessorBench.syntheticMap();
            DbPostprocessorBench.time(map, TextRepr.QUAD, 100, 0); // JIT warm-up shared by both reprs
            for (TextRepr repr : TextRepr.values()) {
                DbPostprocessorBench.Timing t = DbPostprocessorBench.time(map, repr, 50, dbRuns);
                // the served PP-OCR detector uses quad; poly is shown for comparison
                summary.add(BenchReport.dbLine(repr.name().toLowerCase(Locale.ROOT), t.regions(), t.msPerMap(),
                        DB_GOAL_MS, repr == TextRepr.QUAD));
            }
            progress("DB postprocessing timed");
        }
        List<LevelResult> results = new ArrayList<>();
        List<Mode> modes = new ArrayList<>();
        List<Sample> set = samples;
        try {
            // both sides stay up for the whole run (idle workers cost no CPU), so the c=1 passes can alternate
            // and a drifting machine load hits both alike
            if (!skip.contains("in-process")) {
                modes.add(inProcess(store, localConcurrency));
            }
            if (!skip.contains("http")) {
                modes.add(http(home, store, concurrency));
            }
            for (Mode m : modes) {
                m.texts = warmUp(m, samples);
            }
            set = samples.stream().filter(x -> !failed.containsKey(x.name())).toList();
            if (set.isEmpty()) {
                throw new IllegalStateException("every image failed in the warm-up: " + failed);
            }
            results.addAll(measure(modes, set));
        } finally {
            for (Mode m : modes) {
                m.close.run();
            }
        }

        out.println();
        out.print(BenchReport.table(results));
        out.println("(latency per image, nearest-rank percentiles; " + set.size() + " images x " + passes
                + " passes at c=1, alternating between the modes, x " + concurrentPasses
                + " at c>1; one warm-up pass per mode)");
        if (failed != null) {
            failed.forEach((name, why) -> out.println("WARNING: left out " + name + ", it failed in the warm-up: " + why));
        }
        notes.forEach(out::println);
        var http1 = BenchReport.find(results, "http", 1);
        var local1 = BenchReport.find(results, "in-process", 1);
        if (http1.isPresent() && local1.isPresent()) {
            out.println(BenchReport.overheadLine(http1.get(), local1.get(), HTTP_GOAL_PERCENT));
        }
        summary.forEach(out::println);
        if (modes.size() == 2) {
            int same = 0;
            List<String> differ = new ArrayList<>();
            for (int i = 0; i < samples.size(); i++) {
                List<String> a = modes.get(0).texts.get(i);
                if (a != null && a.equals(modes.get(1).texts.get(i))) {
                    same++;
                } else if (set.contains(samples.get(i))) {
                    differ.add(samples.get(i).name());
                }
            }
            // rec batches form by timing (max_batch_delay) and pad crops to the widest, so a borderline word may differ
            out.printf("check: same words over HTTP and in-process in the warm-up on %d of %d measured images%s%n",
                    same, set.size(), differ.isEmpty() ? "" : " (differ: " + String.join(", ", differ) + ")");
        }
        out.flush();
        return results.stream().anyMatch(r -> r.errors() > 0) ? io.ocrserve.cli.Main.FAILED : io.ocrserve.cli.Main.OK;
    }

    /** c=1 as alternating passes (in-process, http, in-process, ...), then each mode's higher concurrencies. */
    private List<LevelResult> measure(List<Mode> modes, List<Sample> set) throws InterruptedException {
        List<LevelResult> results = new ArrayList<>();
        LevelResult[] c1 = new LevelResult[modes.size()];
        for (int p = 0; p < passes; p++) {
            for (int i = 0; i < modes.size(); i++) {
                Mode m = modes.get(i);
                if (m.levels.contains(1)) {
                    LevelResult r = run(m, 1, set, 1);
                    c1[i] = c1[i] == null ? r : c1[i].plus(r);
                }
            }
        }
        for (LevelResult r : c1) {
            if (r != null) {
                results.add(r);
            }
        }
        for (Mode m : modes) {
            for (int c : m.levels) {
                if (c > 1) {
                    results.add(run(m, c, set, concurrentPasses));
                }
            }
        }
        results.sort(java.util.Comparator.comparing((LevelResult r) -> !r.mode().equals("in-process"))
                .thenComparingInt(LevelResult::concurrency));
        return results;
    }

    private LevelResult run(Mode m, int c, List<Sample> set, int passCount) throws InterruptedException {
        LevelResult r = LoadDriver.run(m.name, c, set.size() * passCount, set.size(), maxSecondsPerLevel,
                k -> m.call.run(set.get(k)));
        progress("%s c=%d: %d images, %.2f images/s, p50 %.1f ms, p99 %.1f ms%s", m.name, c, r.completed(),
                r.imagesPerSecond(), r.p50Ms(), r.p99Ms(),
                r.errors() > 0 ? ", " + r.errors() + " errors, first: " + r.firstError() : "");
        return r;
    }

    // ---------------------------------------------------------------- the two sides

    /** One side of the comparison: how to send an image, how many requests wait in its queues, how to stop it. */
    private static final class Mode {
        final String name;
        final List<Integer> levels;
        final Call call;
        final Pending pending;
        final Runnable close;
        List<List<String>> texts;

        Mode(String name, List<Integer> levels, Call call, Pending pending, Runnable close) {
            this.name = name;
            this.levels = levels;
            this.call = call;
            this.pending = pending;
            this.close = close;
        }
    }

    @FunctionalInterface
    private interface Call {
        /** Sends one image, returns its words; throws when the answer is not a success. */
        List<String> run(Sample s) throws Exception;
    }

    @FunctionalInterface
    private interface Pending {
        int get() throws Exception;
    }

    private Mode inProcess(Path store, List<Integer> levels) throws IOException {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true"); // as bin/ocrserve serve: never download engines
        }
        progress("in-process: loading the archives of %s", store);
        LocalModels models = LocalModels.load(store, List.of("all"), OcrHandlers.standalone(MAX_IMAGE_PIXELS));
        progress("in-process: loaded %s", models.names());
        return new Mode("in-process", levels, s -> texts(JSON.valueToTree(localCall(models, s).json())),
                models::pending, models::close);
    }

    private InferenceOutput localCall(LocalModels models, Sample s) throws Exception {
        try {
            return models.submit(model, null, new InferenceInput(s.data(), s.contentType(), Map.of()))
                    .get(120, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private Mode http(Path home, Path store, List<Integer> levels) throws Exception {
        Path jar = serverJar != null ? serverJar : home.resolve("target/quarkus-app/quarkus-run.jar");
        Path log = Files.createTempFile("ocrserve-bench-server", ".log");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        progress("http: starting the server (%s), log %s", jar, log);
        int[] ports = ServerProcess.freePorts(3);
        List<String> options = new ArrayList<>(serverJvmOptions);
        options.addAll(ServerProcess.portOptions(ports));
        options.addAll(List.of("-Docrserve.snapshot.enabled=false", "-Docrserve.load-models=all",
                "-Docrserve.model-store=" + store.toAbsolutePath()));
        ServerProcess server = ServerProcess.start(jar, ports[0], ports[1], options, log);
        try {
            long t0 = System.nanoTime();
            server.awaitHealthy(Duration.ofSeconds(startupTimeout));
            progress("http: server healthy at %s after %.1f s", server.base, (System.nanoTime() - t0) / 1e9);
        } catch (RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        URI target = server.base.resolve("/predictions/" + model);
        return new Mode("http", levels, s -> texts(JSON.readTree(httpCall(http, target, s))),
                () -> server.pending(http), () -> {
                    server.close();
                    progress("http: server stopped");
                });
    }

    private static byte[] httpCall(HttpClient http, URI target, Sample s) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(120))
                .header("Content-Type", s.contentType()).PUT(HttpRequest.BodyPublishers.ofByteArray(s.data())).build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
            throw new IOException("HTTP " + response.statusCode() + " for " + s.name() + ": "
                    + body.substring(0, Math.min(200, body.length())));
        }
        return response.body();
    }

    // ---------------------------------------------------------------- shared

    /**
     * One untimed pass over all images; returns each image's words (null where it failed). The first mode's
     * failures leave those images out of every measured set (reported on stdout); a later mode's failures on
     * other images are only reported, and show up as errors in its levels. After a failure, the requests it left
     * queued (crops of a failed image still get recognized) are waited out, so they slow no later request.
     */
    private List<List<String>> warmUp(Mode mode, List<Sample> samples) throws Exception {
        List<List<String>> texts = new ArrayList<>();
        boolean first = failed == null;
        if (first) {
            failed = new java.util.LinkedHashMap<>();
        }
        for (Sample s : samples) {
            try {
                texts.add(mode.call.run(s));
            } catch (Exception e) {
                texts.add(null);
                String why = mode.name + ": " + oneLine(e);
                progress("%s fails in the warm-up (%s)", s.name(), why);
                if (first) {
                    failed.put(s.name(), why);
                } else if (!failed.containsKey(s.name())) {
                    notes.add("WARNING: " + s.name() + " failed only in mode " + why);
                }
                awaitIdle(mode);
            }
        }
        progress("%s: warm-up pass done", mode.name);
        return texts;
    }

    /** Waits (at most 120 s) until no request waits in the mode's queues, then a second for running batches. */
    private static void awaitIdle(Mode mode) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (mode.pending.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(1000);
    }

    /** The recognized words of one result, in order (MMOCR ocr.py's result with details, or its text list). */
    static List<String> texts(JsonNode result) {
        List<String> words = new ArrayList<>();
        if (result.has("result")) {
            result.get("result").forEach(w -> words.add(w.path("text").asText()));
        } else if (result.has("text")) {
            result.get("text").forEach(w -> words.add(w.asText()));
        }
        return words;
    }

    static List<Sample> loadImages(List<Path> dirs) throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("--images: no such folder: " + dir);
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.sorted().toList()) {
                    String type = contentType(p.getFileName().toString());
                    if (type != null && Files.isRegularFile(p)) {
                        samples.add(new Sample(p.getFileName().toString(), Files.readAllBytes(p), type));
                    }
                }
            }
        }
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("--images: no images in " + dirs);
        }
        return samples;
    }

    static String contentType(String file) {
        String n = file.toLowerCase(Locale.ROOT);
        if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        return n.endsWith(".png") ? "image/png" : n.endsWith(".bmp") ? "image/bmp" : null;
    }

    /** OCRSERVE_HOME, else the folder whose target/quarkus-app holds this class (or target/classes), else cwd. */
    static Path home() {
        String env = System.getenv("OCRSERVE_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath();
        }
        try {
            Path loc = Path.of(OcrBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path d = loc.toAbsolutePath(); d != null; d = d.getParent()) {
                if (Files.isDirectory(d.resolve("target/quarkus-app")) || Files.isRegularFile(d.resolve("pom.xml"))) {
                    return d;
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the working folder
        }
        return Path.of("").toAbsolutePath();
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    private static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, "bench: " + format + "%n", args);
    }
}
