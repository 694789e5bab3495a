package io.ocrserve.serving.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ocrserve.engine.TorchScriptFiles;
import io.ocrserve.ocr.image.Image;
import io.ocrserve.ocr.image.ImageCodec;
import io.ocrserve.serving.Handler;
import io.ocrserve.serving.InferenceInput;
import io.ocrserve.serving.archive.ArchiveReader;
import io.ocrserve.serving.archive.ArchiveUnpacker;
import io.ocrserve.serving.archive.ArchiveWriter;
import io.ocrserve.serving.archive.ModelArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TorchScript detector served through an archive and the textdet handler on the PyTorch engine: the "model"
 * marks dark pixels as text (sigmoid(-10 * channel mean - 5) of the normalized image, so the zero padding stays
 * background), and a black bar on white must come back as one DB quad around the bar, in original pixels.
 */
class TorchScriptDetectionTest {
    @TempDir
    Path tmp;

    @Test
    void textdetOnThePyTorchEngineFindsTheBar() throws Exception {
        Path model = TorchScriptFiles.write(tmp.resolve("dark.pt"), ", x: Tensor) -> Tensor",
                "return torch.sigmoid(torch.sub(torch.mul(torch.mean(x, [1], True), -10.0), 5.0))");
        Path config = Files.writeString(tmp.resolve("dark.yaml"), """
                task: textdet
                engine: PyTorch
                preprocessing:
                  resize: keep_ratio
                  scale: [1333, 736]
                postprocessor:
                  type: DBPostprocessor
                  text_repr_type: quad
                """);
        Path archive = new ArchiveWriter().write(new ArchiveWriter.Request("dark", "1.0", model, config, List.of(),
                null, tmp.resolve("store"), ArchiveUnpacker.Format.ZIP, false));
        ModelArchive opened = new ArchiveReader(new ArchiveUnpacker(100, 1L << 30), tmp).open(archive);

        int w = 200;
        int h = 100;
        byte[] px = new byte[w * h * 3];
        Arrays.fill(px, (byte) 255);
        for (int y = 40; y < 60; y++) {
            for (int x = 50; x < 150; x++) {
                for (int c = 0; c < 3; c++) {
                    px[(y * w + x) * 3 + c] = 0;
                }
            }
        }
        byte[] png = ImageCodec.encodePng(new Image(w, h, 3, px));

        try (Handler handler = OcrHandlers.standalone(10_000_000).factoryFor(opened, null).create("cpu")) {
            List<Handler.Outcome> out = handler.handle(List.of(new InferenceInput(png, "image/png", Map.of())));
            @SuppressWarnings("unchecked")
            List<double[]> boxes = (List<double[]>) ((Map<String, Object>) out.get(0).output().json()).get("boundary_result");
            assertEquals(1, boxes.size(), "one bar");
            double[] b = boxes.get(0);
            assertEquals(9, b.length);
            double minX = Math.min(Math.min(b[0], b[2]), Math.min(b[4], b[6]));
            double maxX = Math.max(Math.max(b[0], b[2]), Math.max(b[4], b[6]));
            double minY = Math.min(Math.min(b[1], b[3]), Math.min(b[5], b[7]));
            double maxY = Math.max(Math.max(b[1], b[3]), Math.max(b[5], b[7]));
            // DB's unclip grows the bar by area * 1.5 / perimeter = 12.5 px on each side
            assertTrue(Math.abs(minX - 37.5) < 3 && Math.abs(maxX - 162.5) < 3, Arrays.toString(b));
            assertTrue(Math.abs(minY - 27.5) < 3 && Math.abs(maxY - 72.5) < 3, Arrays.toString(b));
            assertTrue(b[8] > 0.99, "score " + b[8]);
        }
    }
}
