package io.ocrserve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/ocrserve}: which java command line it builds. A stand-in "java" (env JAVA) prints its arguments,
 * and OCRSERVE_HOME points at a fake install, so no build is needed.
 */
class LauncherScriptTest {
    static final Path SCRIPT = Path.of("bin/ocrserve").toAbsolutePath();

    @TempDir
    Path home;
    Path fakeJava;

    record Result(int code, List<String> args, String err) {}

    @BeforeEach
    void install() throws IOException {
        Files.createDirectories(home.resolve("target/quarkus-app"));
        Files.createFile(home.resolve("target/quarkus-app/quarkus-run.jar"));
        fakeJava = home.resolve("fake-java");
        Files.writeString(fakeJava, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Result launch(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
        pb.environment().put("OCRSERVE_HOME", home.toString());
        pb.environment().put("JAVA", fakeJava.toString());
        pb.environment().remove("JAVA_OPTS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out.lines().toList(), err);
    }

    private String jar() {
        return home.resolve("target/quarkus-app/quarkus-run.jar").toString();
    }

    @Test
    void serveDefaultsLoadEveryModelOfTheInstallsStore() throws Exception {
        Result r = launch("serve");

        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("-Dai.djl.offline=true", "-Docrserve.model-store=" + home.resolve("model-store"),
                "-Docrserve.load-models=all", "-jar", jar()), r.args());
    }

    @Test
    void serveMapsTorchServeOptions() throws Exception {
        Files.writeString(home.resolve("config.properties"), "inference_address=http://127.0.0.1:9090\n");
        Files.createDirectories(home.resolve("store"));
        Result r = launch("serve", "--ts-config", "config.properties", "--model-store", "store",
                "--models", "ocr=ocr.mar,ppocr_det.mar", "--xmx", "2g", "-Dquarkus.http.port=9999", "--foreground");

        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("-Xmx2g", "-Dai.djl.offline=true",
                "-Docrserve.ts-config=" + home.resolve("config.properties").toRealPath(),
                "-Docrserve.model-store=" + home.resolve("store").toRealPath(),
                "-Docrserve.load-models=ocr=ocr.mar,ppocr_det.mar", "-Dquarkus.http.port=9999", "-jar", jar()), r.args());
    }

    @Test
    void tsConfigKeepsItsOwnStoreAndModels() throws Exception {
        Files.writeString(home.resolve("config.properties"), "load_models=a.mar\n");
        Result r = launch("serve", "--ts-config", "config.properties");

        assertEquals(0, r.code(), r.err());
        assertFalse(r.args().stream().anyMatch(a -> a.startsWith("-Docrserve.load-models")), r.args().toString());
        assertFalse(r.args().stream().anyMatch(a -> a.startsWith("-Docrserve.model-store")), r.args().toString());
    }

    @Test
    void badServeOptionsExit2() throws Exception {
        Result unknown = launch("serve", "--start");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown option '--start'"), unknown.err());

        Result missing = launch("serve", "--ts-config", "nope.properties");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such file: nope.properties"), missing.err());
    }

    @Test
    void toolsRunMainOnTheFastJarClasspath() throws Exception {
        Result r = launch("archive", "--help");

        assertEquals(0, r.code(), r.err());
        String app = home.resolve("target/quarkus-app").toString();
        assertEquals(List.of("-cp", app + "/lib/boot/*:" + app + "/lib/main/*:" + app + "/app/*",
                "io.ocrserve.cli.Main", "archive", "--help"), r.args());
    }

    @Test
    void unbuiltInstallSaysHowToBuild() throws Exception {
        Files.delete(home.resolve("target/quarkus-app/quarkus-run.jar"));
        Result r = launch("models", "list");

        assertEquals(2, r.code());
        assertTrue(r.err().contains("mvn package -DskipTests"), r.err());
        assertEquals(Set.of(), Set.copyOf(r.args()));
    }
}
