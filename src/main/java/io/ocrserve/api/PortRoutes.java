package io.ocrserve.api;

/**
 * Which paths live on which listener. Management paths answer 404 on the inference port and inference paths
 * 404 on the management port (TorchServe issue #1174: people get confused when both answer everywhere).
 */
final class PortRoutes {
    private PortRoutes() {}

    static boolean isManagementPath(String path) {
        return startsWithSegment(path, "/models") || startsWithSegment(path, "/jobs");
    }

    static boolean isInferencePath(String path) {
        return startsWithSegment(path, "/predictions") || startsWithSegment(path, "/ping")
                || startsWithSegment(path, "/v2") || startsWithSegment(path, "/api-description");
    }

    private static boolean startsWithSegment(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
