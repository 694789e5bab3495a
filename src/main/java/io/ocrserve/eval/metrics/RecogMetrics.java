package io.ocrserve.eval.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * MMOCR 0.6.3 {@code eval_ocr_metric}. Word accuracies are over all pairs; char recall/precision and
 * 1-N.E.D use the lowercased, symbol-stripped strings. Denominators carry MMOCR's eps of 1e-8 (so an
 * empty dataset gives 0, not NaN). Values are rounded to 4 decimals.
 */
public final class RecogMetrics {
    public static final String WORD_ACC = "word_acc";
    public static final String WORD_ACC_IGNORE_CASE = "word_acc_ignore_case";
    public static final String WORD_ACC_IGNORE_CASE_SYMBOL = "word_acc_ignore_case_symbol";
    public static final String CHAR_RECALL = "char_recall";
    public static final String CHAR_PRECISION = "char_precision";
    public static final String ONE_MINUS_NED = "1-N.E.D";
    private static final double EPS = 1e-8;

    private RecogMetrics() {
    }

    /** All six metrics, in MMOCR's key order. */
    public static Map<String, Double> evaluate(List<String> preds, List<String> gts) {
        if (preds.size() != gts.size()) {
            throw new IllegalArgumentException(preds.size() + " predictions for " + gts.size() + " ground truths");
        }
        int gtChars = 0;
        int predChars = 0;
        int tpChars = 0;
        int exact = 0;
        int ignoreCase = 0;
        int ignoreCaseSymbol = 0;
        double nedSum = 0;
        for (int i = 0; i < gts.size(); i++) {
            String pred = preds.get(i);
            String gt = gts.get(i);
            if (gt.equals(pred)) {
                exact++;
            }
            String gtLower = lower(gt);
            String predLower = lower(pred);
            if (gtLower.equals(predLower)) {
                ignoreCase++;
            }
            String gtNorm = stripSymbols(gtLower);
            String predNorm = stripSymbols(predLower);
            if (gtNorm.equals(predNorm)) {
                ignoreCaseSymbol++;
            }
            nedSum += Levenshtein.normalized(predNorm, gtNorm);
            gtChars += gtNorm.codePointCount(0, gtNorm.length());
            predChars += predNorm.codePointCount(0, predNorm.length());
            tpChars += Difflib.matchedLength(predNorm, gtNorm); // SequenceMatcher(None, pred, gt)
        }
        int n = gts.size();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(CHAR_RECALL, Rounding.round4(tpChars / (EPS + gtChars)));
        m.put(CHAR_PRECISION, Rounding.round4(tpChars / (EPS + predChars)));
        m.put(WORD_ACC, Rounding.round4(exact / (EPS + n)));
        m.put(WORD_ACC_IGNORE_CASE, Rounding.round4(ignoreCase / (EPS + n)));
        m.put(WORD_ACC_IGNORE_CASE_SYMBOL, Rounding.round4(ignoreCaseSymbol / (EPS + n)));
        m.put(ONE_MINUS_NED, Rounding.round4(1.0 - nedSum / Math.max(1, n)));
        return m;
    }

    /** Lowercase, then drop every code point outside {@code A-Za-z0-9^} and CJK U+4E00..U+9FA5. */
    public static String normalize(String s) {
        return stripSymbols(lower(s));
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** {@code re.sub('[^A-Z^a-z^0-9^\u4e00-\u9fa5]', '', s)}: note '^' is kept (it sits inside the class). */
    static String stripSymbols(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(RecogMetrics::kept).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private static boolean kept(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '^'
                || (c >= 0x4E00 && c <= 0x9FA5);
    }
}
