package io.ocrserve.ocr.tess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ocrserve.TestData;
import io.ocrserve.ocr.image.Image;
import io.ocrserve.ocr.image.ImageOps;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real Tesseract on text rendered with OpenCV: read back exactly, boxes where the text was drawn. */
class TesseractOcrTest {
    private static TesseractOcr line;
    private static TesseractOcr page;

    @BeforeAll
    static void open() {
        line = new TesseractOcr(TestData.tessdata(), "eng", 7);
        page = new TesseractOcr(TestData.tessdata(), "eng", 3);
    }

    @AfterAll
    static void close() {
        line.close();
        page.close();
    }

    /** Black text on white, Hershey simplex, baseline at (x, y). */
    static Image render(int width, int height, String text, int x, int y) {
        try (Mat m = new Mat(height, width, org.bytedeco.opencv.global.opencv_core.CV_8UC3, new Scalar(255, 255, 255, 0));
                Point org = new Point(x, y); Scalar black = new Scalar(0, 0, 0, 0)) {
            opencv_imgproc.putText(m, text, org, opencv_imgproc.FONT_HERSHEY_SIMPLEX, 3.0, black, 6,
                    opencv_imgproc.LINE_AA, false);
            return ImageOps.fromMat(m);
        }
    }

    @Test
    void readsARenderedWordExactly() {
        TesseractOcr.Text t = line.text(render(640, 160, "OCRSERVE", 20, 110));
        assertEquals("OCRSERVE", t.text());
        assertTrue(t.confidence() > 0.5 && t.confidence() <= 1.0, "confidence " + t.confidence());
    }

    @Test
    void findsRenderedWordsWhereTheyWereDrawn() {
        Image img = render(900, 200, "HELLO WORLD", 40, 130);
        List<TesseractOcr.Word> words = page.words(img);
        assertEquals(List.of("HELLO", "WORLD"), words.stream().map(TesseractOcr.Word::text).toList());
        for (TesseractOcr.Word w : words) {
            double[] b = w.box();
            assertEquals(8, b.length);
            assertTrue(b[0] >= 30 && b[4] <= 900 && b[1] >= 40 && b[5] <= 150, java.util.Arrays.toString(b));
            assertTrue(w.confidence() > 0.5, "confidence " + w.confidence());
        }
        assertTrue(words.get(0).box()[2] < words.get(1).box()[0], "HELLO left of WORLD");
    }

    @Test
    void aBlankImageHasNoWordsAndNoConfidence() {
        Image white = render(200, 80, "", 0, 0);
        assertEquals(List.of(), page.words(white));
        // in single-line mode the LSTM still emits a guess for an empty page ("oo" with eng 4.0.0), at confidence 0
        assertEquals(0.0, line.text(white).confidence());
    }

    @Test
    void aMissingLanguageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TesseractOcr(Path.of("."), "xyz", 7));
    }
}
