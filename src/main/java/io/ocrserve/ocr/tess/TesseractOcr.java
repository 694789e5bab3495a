package io.ocrserve.ocr.tess;

import static org.bytedeco.tesseract.global.tesseract.OEM_LSTM_ONLY;
import static org.bytedeco.tesseract.global.tesseract.RIL_WORD;
import static org.bytedeco.tesseract.global.tesseract.TessDeleteText;

import io.ocrserve.ocr.image.Image;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.tesseract.ResultIterator;
import org.bytedeco.tesseract.TessBaseAPI;

/**
 * Tesseract's LSTM engine on our {@link Image}s, as MMOCR's ocr.py uses it for det='Tesseract' (word boxes) and
 * recog='Tesseract' (the text of a crop). Holds one TessBaseAPI, which is not thread-safe: one instance per
 * thread, closed when done.
 */
public final class TesseractOcr implements AutoCloseable {
    /** A word: axis-aligned quad {@code [x1, y1, x2, y1, x2, y2, x1, y2]} in pixels, its text, confidence 0..1. */
    public record Word(double[] box, String text, double confidence) {}

    /** The text of a whole image (crop) and Tesseract's mean word confidence, 0..1. */
    public record Text(String text, double confidence) {}

    private final TessBaseAPI api = new TessBaseAPI();

    /**
     * @param dataDir  folder holding {@code <language>.traineddata} (each part of {@code eng+deu})
     * @param language Tesseract language name(s)
     * @param psm      page segmentation mode (3: automatic, 7: single line, 8: single word, ...)
     */
    public TesseractOcr(Path dataDir, String language, int psm) {
        for (String lang : language.split("\\+")) {
            if (!Files.isRegularFile(dataDir.resolve(lang + ".traineddata"))) {
                api.close();
                throw new IllegalArgumentException("no " + lang + ".traineddata in " + dataDir);
            }
        }
        // Tesseract 5 takes the tessdata folder itself as its data path
        if (api.Init(dataDir.toAbsolutePath() + "/", language, OEM_LSTM_ONLY) != 0) {
            api.close();
            throw new IllegalStateException("Tesseract cannot load language '" + language + "' from " + dataDir);
        }
        api.SetPageSegMode(psm);
        api.SetVariable("debug_file", "/dev/null"); // silence "Estimating resolution" and similar chatter
    }

    /** Recognizes the whole image and returns its words, in Tesseract's reading order; blank words are left out. */
    public synchronized List<Word> words(Image image) {
        List<Word> words = new ArrayList<>();
        try (BytePointer pixels = setImage(image)) {
            if (api.Recognize(null) != 0) {
                throw new IllegalStateException("Tesseract failed to recognize the image");
            }
            try (ResultIterator it = api.GetIterator(); IntPointer l = new IntPointer(1); IntPointer t = new IntPointer(1);
                    IntPointer r = new IntPointer(1); IntPointer b = new IntPointer(1)) {
                if (it == null || it.isNull()) {
                    return words; // nothing found on the page
                }
                do {
                    String text = string(it.GetUTF8Text(RIL_WORD));
                    if (text.isBlank() || !it.BoundingBox(RIL_WORD, l, t, r, b)) {
                        continue;
                    }
                    double x1 = l.get(), y1 = t.get(), x2 = r.get(), y2 = b.get();
                    words.add(new Word(new double[] {x1, y1, x2, y1, x2, y2, x1, y2}, text.strip(),
                            it.Confidence(RIL_WORD) / 100.0));
                } while (it.Next(RIL_WORD));
            }
        } finally {
            api.Clear();
        }
        return words;
    }

    /** The text of the whole image, trimmed (MMOCR: GetUTF8Text().strip(), score MeanTextConf() / 100). */
    public synchronized Text text(Image image) {
        try (BytePointer pixels = setImage(image)) {
            String text = string(api.GetUTF8Text()).strip();
            return new Text(text, api.MeanTextConf() / 100.0);
        } finally {
            api.Clear();
        }
    }

    /** Hands the image to Tesseract as RGB (it copies the pixels); our images are BGR. */
    private BytePointer setImage(Image image) {
        byte[] src = image.data();
        int c = image.channels();
        byte[] rgb = src;
        if (c == 3) {
            rgb = new byte[src.length];
            for (int i = 0; i < src.length; i += 3) {
                rgb[i] = src[i + 2];
                rgb[i + 1] = src[i + 1];
                rgb[i + 2] = src[i];
            }
        } else if (c != 1) {
            throw new IllegalArgumentException("Tesseract takes gray or BGR images, got " + c + " channels");
        }
        BytePointer pixels = new BytePointer(rgb);
        api.SetImage(pixels, image.width(), image.height(), c, image.width() * c);
        return pixels;
    }

    /** A string Tesseract allocated (new[]) as Java text, freed by Tesseract afterwards. */
    private static String string(BytePointer p) {
        if (p == null || p.isNull()) {
            return "";
        }
        try {
            return p.getString(java.nio.charset.StandardCharsets.UTF_8);
        } finally {
            TessDeleteText(p);
        }
    }

    @Override
    public synchronized void close() {
        api.End();
        api.close();
    }
}
