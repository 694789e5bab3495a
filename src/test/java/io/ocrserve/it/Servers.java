package io.ocrserve.it;

import io.ocrserve.bench.ServerProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Integration tests start the packaged server on free loopback ports with their own properties. */
final class Servers {
    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private Servers() {}

    static ServerProcess start(Map<String, String> properties, Path log) throws IOException {
        int[] ports = ServerProcess.freePorts(3);
        List<String> options = new ArrayList<>(List.of("-Xmx2g"));
        options.addAll(ServerProcess.portOptions(ports));
        properties.forEach((k, v) -> options.add("-D" + k + "=" + v));
        return ServerProcess.start(JAR, ports[0], ports[1], options, log);
    }
}
