package io.ocrserve.engine;

import java.nio.file.Path;
import java.util.Map;

/**
 * What to load: a serialized model file, the DJL engine that runs it ({@code OnnxRuntime} or {@code PyTorch}),
 * the device ({@code auto}, {@code cpu}, {@code gpu}, {@code gpu:N}) and engine options (e.g. ONNX Runtime's
 * {@code intraOpNumThreads}).
 */
public record EngineSpec(Path modelFile, String engine, String device, Map<String, String> options) {
    public EngineSpec {
        options = options == null ? Map.of() : Map.copyOf(options);
        device = device == null || device.isBlank() ? "auto" : device;
    }

    /** The engine implied by the file name when the config names none. */
    public static String engineFor(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".onnx")) {
            return Engines.ONNX_RUNTIME;
        }
        if (name.endsWith(".pt") || name.endsWith(".torchscript") || name.endsWith(".ts")) {
            return Engines.PYTORCH;
        }
        throw new IllegalArgumentException("cannot tell the engine of " + file.getFileName()
                + ": expected a .onnx (ONNX Runtime) or .pt (TorchScript) file");
    }
}
