package io.ocrserve.ocr.rec;

/**
 * One recognized text. {@code score = sum(charScores) / max(1, len(text))} (MMOCR ocr.py / TorchServe), where
 * len counts code points as Python does, so an emitted "<UKN>" counts 5.
 */
public record RecResult(String text, double score, double[] charScores) {
    public static RecResult of(String text, double[] charScores) {
        double sum = 0;
        for (double s : charScores) {
            sum += s;
        }
        return new RecResult(text, sum / Math.max(1, text.codePointCount(0, text.length())), charScores);
    }

    public static RecResult empty() {
        return of("", new double[0]);
    }
}
