package io.ocrserve.serving.handlers;

import io.ocrserve.ocr.det.TextPolygon;
import io.ocrserve.ocr.image.Image;
import io.ocrserve.ocr.tess.TesseractOcr;
import io.ocrserve.serving.Handler;
import io.ocrserve.serving.InferenceInput;
import io.ocrserve.serving.InferenceOutput;
import io.ocrserve.serving.archive.ArchiveException;
import io.ocrserve.serving.archive.ModelArchive;
import io.ocrserve.serving.archive.ModelConfig;
import io.ocrserve.serving.worker.HandlerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * textdet or textrecog with {@code engine: Tesseract} (MMOCR ocr.py's det='Tesseract' / recog='Tesseract'). The
 * archive's model file is {@code <language>.traineddata}. textdet answers the words' boxes,
 * {@code {"boundary_result": [[x1, y1, ..., x4, y4, confidence / 100], ...]}} (MMOCR itself reports 1.0);
 * textrecog answers the crop's text, {@code {"text": ..., "score": mean confidence / 100}}.
 */
final class TesseractHandler implements Handler {
    static final String ENGINE = "Tesseract";
    private static final String SUFFIX = ".traineddata";

    private final TesseractOcr ocr;
    private final boolean detect;
    private final long maxPixels;

    private TesseractHandler(TesseractOcr ocr, boolean detect, long maxPixels) {
        this.ocr = ocr;
        this.detect = detect;
        this.maxPixels = maxPixels;
    }

    /** Checks the config now (registration); each worker then opens its own TessBaseAPI (not thread-safe). */
    static HandlerFactory factory(ModelArchive archive, ModelConfig mc, long maxPixels) {
        boolean detect = mc.task().equals("textdet");
        ConfigMap c = new ConfigMap(mc.task(), mc.raw());
        Path model = archive.serializedFile();
        String file = model.getFileName().toString();
        if (!file.endsWith(SUFFIX)) {
            throw new ArchiveException("engine Tesseract needs a " + SUFFIX + " model file, got " + file);
        }
        String language = c.string("language", file.substring(0, file.length() - SUFFIX.length()));
        for (String lang : language.split("\\+")) {
            if (!Files.isRegularFile(model.resolveSibling(lang + SUFFIX))) {
                throw new ArchiveException("engine Tesseract: the archive lacks " + lang + SUFFIX
                        + " for language '" + language + "' (add it with --extra-files)");
            }
        }
        int psm = c.integer("psm", detect ? 3 : 7); // 3: automatic page segmentation, 7: a single text line
        if (psm < 0 || psm > 13) {
            throw new ArchiveException("model config: psm must be a Tesseract page segmentation mode 0..13, got " + psm);
        }
        OcrHandlers.checkKeys(mc, "language", "psm");
        Path dir = model.getParent();
        return device -> new TesseractHandler(new TesseractOcr(dir, language, psm), detect, maxPixels);
    }

    @Override
    public List<Outcome> handle(List<InferenceInput> batch) {
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        for (InferenceInput input : batch) {
            try {
                Image image = Inputs.image(input, maxPixels);
                outcomes.add(Outcome.ok(detect ? detect(input, image) : recognize(image)));
            } catch (RuntimeException e) {
                outcomes.add(Outcome.failed(e));
            }
        }
        return outcomes;
    }

    private InferenceOutput detect(InferenceInput input, Image image) {
        List<TextPolygon> words = ocr.words(image).stream().map(w -> new TextPolygon(w.box(), w.confidence())).toList();
        return TextDetHandler.boundaries(input, image, words);
    }

    private InferenceOutput recognize(Image image) {
        TesseractOcr.Text t = ocr.text(image);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("text", t.text());
        json.put("score", t.confidence());
        return InferenceOutput.json(json);
    }

    @Override
    public void close() {
        ocr.close();
    }
}
