package io.ocrserve.ocr.rec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A recognizer's character set plus the special tokens its convertor adds (MMOCR BaseConvertor and subclasses,
 * PaddleOCR's CTCLabelDecode). Each character is one Unicode code point (ppocr_keys_v1.txt has one outside the
 * BMP), so characters are held as strings.
 */
public final class Dictionary {
    public static final String DICT36 = "0123456789abcdefghijklmnopqrstuvwxyz";
    public static final String DICT37 = DICT36 + " ";
    public static final String DICT90 = DICT36 + "ABCDEFGHIJKLMNOPQRSTUVWXYZ!\"#$%&'()*+,-./:;<=>?@[\\]_`~";
    public static final String DICT91 = DICT90 + " ";

    /**
     * Which special tokens surround the characters. {@code withStartEnd} is MMOCR's shared {@code <BOS/EOS>}
     * index; {@code useSpaceChar} is PaddleOCR's trailing " "; {@code lower} only affects label encoding
     * ({@link #normalizeLabel}), never decoded text, as in MMOCR.
     */
    public record Options(boolean withUnknown, boolean withStartEnd, boolean withPadding, boolean useSpaceChar,
                          boolean lower) {
        /** CTC without {@code <UKN>} (MMOCR CRNN config: with_unknown=False). */
        public static Options ctc() {
            return new Options(false, false, false, false, false);
        }

        /** MMOCR AttnConvertor defaults: {@code <UKN>}, {@code <BOS/EOS>}, {@code <PAD>}. */
        public static Options attention() {
            return new Options(true, true, true, false, false);
        }

        /** ABINet config: no {@code <UKN>}, EOS right after the characters (36 for DICT36), lower. */
        public static Options abi() {
            return new Options(false, true, true, false, true);
        }

        /** PaddleOCR recognizer: blank + keys file + " ". */
        public static Options paddle() {
            return new Options(false, false, false, true, false);
        }

        public Options withUnknown(boolean v) {
            return new Options(v, withStartEnd, withPadding, useSpaceChar, lower);
        }

        public Options withStartEnd(boolean v) {
            return new Options(withUnknown, v, withPadding, useSpaceChar, lower);
        }

        public Options withPadding(boolean v) {
            return new Options(withUnknown, withStartEnd, v, useSpaceChar, lower);
        }

        public Options useSpaceChar(boolean v) {
            return new Options(withUnknown, withStartEnd, withPadding, v, lower);
        }

        public Options lower(boolean v) {
            return new Options(withUnknown, withStartEnd, withPadding, useSpaceChar, v);
        }
    }

    private final List<String> chars;
    private final Options options;

    private Dictionary(List<String> chars, Options options) {
        List<String> all = new ArrayList<>(chars);
        if (options.useSpaceChar()) {
            all.add(" ");
        }
        this.chars = Collections.unmodifiableList(all);
        this.options = options;
    }

    /** The characters as given, each one code point (duplicates are kept: PaddleOCR and MMOCR 0.6 allow them). */
    public static Dictionary of(List<String> chars, Options options) {
        for (String c : chars) {
            if (c.codePointCount(0, c.length()) != 1) {
                throw new IllegalArgumentException("dictionary entry must be one character: \"" + c + "\"");
            }
        }
        return new Dictionary(chars, options);
    }

    /** DICT36, DICT37, DICT90 or DICT91. */
    public static Dictionary builtin(String name, Options options) {
        String s = switch (name) {
            case "DICT36" -> DICT36;
            case "DICT37" -> DICT37;
            case "DICT90" -> DICT90;
            case "DICT91" -> DICT91;
            default -> throw new IllegalArgumentException("unknown dictionary type " + name);
        };
        return of(s.codePoints().mapToObj(Character::toString).toList(), options);
    }

    /** A dict file: UTF-8, one character per line. */
    public static Dictionary fromFile(Path file, Options options) throws IOException {
        return fromLines(Files.readAllLines(file, StandardCharsets.UTF_8), options);
    }

    /**
     * Dict-file lines: only line breaks are stripped (a line holding one space is the space character), empty
     * lines are skipped, a longer line is an error (MMOCR's dict loading).
     */
    public static Dictionary fromLines(List<String> lines, Options options) {
        List<String> chars = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = stripLineBreaks(lines.get(i));
            if (line.isEmpty()) {
                continue;
            }
            if (line.codePointCount(0, line.length()) > 1) {
                throw new IllegalArgumentException("dictionary line " + (i + 1) + " has more than one character: \""
                        + line + "\"");
            }
            chars.add(line);
        }
        return new Dictionary(chars, options);
    }

    private static String stripLineBreaks(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '\r' || s.charAt(start) == '\n')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '\r' || s.charAt(end - 1) == '\n')) {
            end--;
        }
        return s.substring(start, end);
    }

    /** The characters, including PaddleOCR's trailing space when {@code useSpaceChar}. */
    public List<String> chars() {
        return chars;
    }

    public int size() {
        return chars.size();
    }

    public Options options() {
        return options;
    }

    /** The label as the convertor encodes it ({@code lower} lowercases). */
    public String normalizeLabel(String label) {
        return options.lower() ? label.toLowerCase(Locale.ROOT) : label;
    }

    /** CTC layout (MMOCR CTCConvertor, PaddleOCR CTCLabelDecode): blank 0, the characters, then {@code <UKN>}. */
    public TokenTable ctcTable() {
        List<String> t = new ArrayList<>(chars.size() + 2);
        t.add(TokenTable.BLANK);
        t.addAll(chars);
        int unknown = -1;
        if (options.withUnknown()) {
            unknown = t.size();
            t.add(TokenTable.UNKNOWN);
        }
        return new TokenTable(t.toArray(String[]::new), 0, unknown, -1, -1);
    }

    /**
     * Attention layout (MMOCR AttnConvertor/ABIConvertor): characters, {@code <UKN>}, one shared
     * {@code <BOS/EOS>}, {@code <PAD>}, each only when enabled. DICT90 + attention(): UKN 90, EOS 91, PAD 92;
     * DICT36 + abi(): EOS 36, PAD 37.
     */
    public TokenTable attentionTable() {
        List<String> t = new ArrayList<>(chars);
        int unknown = -1;
        int end = -1;
        int padding = -1;
        if (options.withUnknown()) {
            unknown = t.size();
            t.add(TokenTable.UNKNOWN);
        }
        if (options.withStartEnd()) {
            end = t.size();
            t.add(TokenTable.START_END);
        }
        if (options.withPadding()) {
            padding = t.size();
            t.add(TokenTable.PADDING);
        }
        return new TokenTable(t.toArray(String[]::new), -1, unknown, end, padding);
    }
}
