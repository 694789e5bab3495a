package io.ocrserve.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import java.util.Locale;

/** Opens DJL models. Natives come from the Maven jars; DJL is never allowed to download anything. */
public final class Engines {
    public static final String ONNX_RUNTIME = "OnnxRuntime";
    public static final String PYTORCH = "PyTorch";

    static {
        System.setProperty("ai.djl.offline", "true");
        // DJL's "engine usage" reporting is a network call.
        System.setProperty("OPT_OUT_TRACKING", "true");
        // ONNX Runtime would otherwise load libtorch as its "alternative engine" for NDArray ops it lacks: 430 MB
        // of natives for nothing (we only move tensors in and out), and a second load in another class loader
        // fails (libc10.so "already loaded in another classloader").
        if (System.getProperty("ai.djl.onnx.disable_alternative") == null) {
            System.setProperty("ai.djl.onnx.disable_alternative", "true");
        }
    }

    private Engines() {}

    public static EngineSession open(EngineSpec spec) {
        String engine = canonical(spec.engine() == null ? EngineSpec.engineFor(spec.modelFile()) : spec.engine());
        Device device = device(engine, spec.device());
        Criteria.Builder<NDList, TensorList> builder = Criteria.builder().setTypes(NDList.class, TensorList.class)
                .optModelPath(spec.modelFile()).optEngine(engine).optDevice(device)
                .optTranslator(new TensorTranslator());
        spec.options().forEach(builder::optOption);
        try {
            ZooModel<NDList, TensorList> model = builder.build().loadModel();
            return new DjlSession(model, engine + " on " + device);
        } catch (Exception e) {
            throw new EngineException("cannot load " + spec.modelFile().getFileName() + " with " + engine + ": "
                    + e.getMessage(), e);
        }
    }

    static String canonical(String engine) {
        return switch (engine.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "")) {
            case "onnxruntime", "onnx", "ort" -> ONNX_RUNTIME;
            case "pytorch", "torchscript", "torch", "pt" -> PYTORCH;
            default -> throw new IllegalArgumentException("unknown engine '" + engine
                    + "': use OnnxRuntime or PyTorch");
        };
    }

    /** {@code auto} picks the first GPU when the engine sees one, else the CPU. */
    static Device device(String engine, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("auto")) {
            return Engine.getEngine(engine).getGpuCount() > 0 ? Device.gpu() : Device.cpu();
        }
        if (n.equals("cpu")) {
            return Device.cpu();
        }
        if (n.equals("gpu") || n.equals("cuda")) {
            return Device.gpu();
        }
        if (n.matches("(gpu|cuda):\\d+")) {
            return Device.gpu(Integer.parseInt(n.substring(n.indexOf(':') + 1)));
        }
        throw new IllegalArgumentException("unknown device '" + name + "': use auto, cpu, gpu or gpu:N");
    }

    /** Number of GPUs the engine can use (0 on CPU-only machines). */
    public static int gpuCount(String engine) {
        return Engine.getEngine(canonical(engine)).getGpuCount();
    }
}
