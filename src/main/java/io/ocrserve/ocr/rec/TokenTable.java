package io.ocrserve.ocr.rec;

/**
 * Index to string mapping of a recognizer's output classes, with the special indices (-1 when absent).
 * Built by {@link Dictionary#ctcTable()} or {@link Dictionary#attentionTable()}.
 */
public record TokenTable(String[] tokens, int blankIndex, int unknownIndex, int endIndex, int paddingIndex) {
    public static final String BLANK = "<BLK>";
    public static final String UNKNOWN = "<UKN>";
    public static final String START_END = "<BOS/EOS>";
    public static final String PADDING = "<PAD>";

    public int size() {
        return tokens.length;
    }

    /** The string for one class index (MMOCR idx2str: special tokens map to their names, e.g. "<UKN>"). */
    public String token(int index) {
        if (index < 0 || index >= tokens.length) {
            throw new IllegalArgumentException("class index " + index + " outside the table of " + tokens.length);
        }
        return tokens[index];
    }
}
