package io.ocrserve.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ocrserve.ocr.FloatTensor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PyTorch engine path: a TorchScript file loaded by DJL (natives from the Maven jar) and run. */
class TorchScriptEngineTest {
    @TempDir
    Path tmp;

    @Test
    void runsATorchScriptModule() throws Exception {
        Path file = TorchScriptFiles.write(tmp.resolve("double.pt"), ", x: Tensor) -> Tensor",
                "return torch.mul(x, 2.0)");
        try (EngineSession s = Engines.open(new EngineSpec(file, null, "cpu", Map.of()))) {
            FloatTensor out = s.run(List.of(new FloatTensor(new long[] {1, 3}, new float[] {1, 2, 3.5f}))).get(0);
            assertArrayEquals(new long[] {1, 3}, out.shape());
            assertArrayEquals(new float[] {2, 4, 7}, out.data());
            assertEquals(true, s.describe().startsWith("PyTorch"));
        }
    }
}
