package io.ocrserve.ocr.rec;

import java.util.ArrayList;
import java.util.List;

/**
 * Attention decoding (MMOCR AttnConvertor.tensor2idx + idx2str): per step argmax; {@code <PAD>} steps are
 * skipped; decoding stops at {@code <BOS/EOS>}; every other index is emitted as its token, so an unknown
 * character appears as the literal "<UKN>" (5 characters, which also count in the mean score) exactly as
 * MMOCR 0.6.3 returns it. The valid ratio is ignored.
 */
public class AttentionDecoder implements RecDecoder {
    private final TokenTable table;
    private final boolean softmax;

    /**
     * @param softmax true when the model gives logits (MASTER, and ABINet's fuser); SAR, RobustScanner, NRTR
     *                and SATRN decoders already return probabilities
     */
    public AttentionDecoder(TokenTable table, boolean softmax) {
        if (table.endIndex() < 0) {
            throw new IllegalArgumentException("attention decoding needs an end token");
        }
        this.table = table;
        this.softmax = softmax;
    }

    @Override
    public TokenTable table() {
        return table;
    }

    @Override
    public RecResult decode(float[] data, int offset, int steps, int classes, double validRatio) {
        Steps.checkShape(data, offset, steps, classes, table);
        StringBuilder text = new StringBuilder();
        List<Float> scores = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            Steps.Step s = Steps.best(data, offset + t * classes, classes, softmax);
            if (s.index() == table.paddingIndex()) {
                continue;
            }
            if (s.index() == table.endIndex()) {
                break;
            }
            text.append(table.token(s.index()));
            scores.add(s.score());
        }
        return RecResult.of(text.toString(), CtcDecoder.toArray(scores));
    }
}
