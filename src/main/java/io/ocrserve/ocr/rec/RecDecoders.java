package io.ocrserve.ocr.rec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** Builds a decoder from an MMOCR label_convertor config. */
public final class RecDecoders {
    private RecDecoders() {
    }

    /**
     * @param type       MMOCR convertor name: CTCConvertor, AttnConvertor, ABIConvertor, MasterConvertor
     * @param dictionary the dictionary to use with its own options, or null to build it from {@code params}
     * @param params     optional: {@code softmax} (Boolean; defaults: CTC true, Attn false, ABI true,
     *                   Master true), and when {@code dictionary} is null {@code dict_type} [DICT90],
     *                   {@code dict_file}, {@code with_unknown} [MMOCR defaults: true, ABI false],
     *                   {@code use_space_char} [false], {@code lower} [false, ABI true]
     */
    public static RecDecoder create(String type, Dictionary dictionary, Map<String, Object> params) {
        Map<String, Object> p = params == null ? Map.of() : params;
        return switch (type) {
            case "CTCConvertor" -> new CtcDecoder(
                    dict(dictionary, p, Dictionary.Options.ctc().withUnknown(true)).ctcTable(),
                    bool(p, "softmax", true));
            case "AttnConvertor" -> new AttentionDecoder(
                    dict(dictionary, p, Dictionary.Options.attention()).attentionTable(),
                    bool(p, "softmax", false));
            case "MasterConvertor" -> new AttentionDecoder(
                    dict(dictionary, p, Dictionary.Options.attention()).attentionTable(),
                    bool(p, "softmax", true));
            case "ABIConvertor" -> new AbiDecoder(
                    dict(dictionary, p, Dictionary.Options.abi()), bool(p, "softmax", true));
            default -> throw new IllegalArgumentException("unknown label convertor " + type);
        };
    }

    private static Dictionary dict(Dictionary given, Map<String, Object> p, Dictionary.Options defaults) {
        if (given != null) {
            return given;
        }
        Dictionary.Options o = defaults
                .withUnknown(bool(p, "with_unknown", defaults.withUnknown()))
                .useSpaceChar(bool(p, "use_space_char", defaults.useSpaceChar()))
                .lower(bool(p, "lower", defaults.lower()));
        Object file = p.get("dict_file");
        if (file != null) {
            try {
                return Dictionary.fromFile(Path.of(file.toString()), o);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read dict_file " + file, e);
            }
        }
        Object t = p.get("dict_type");
        return Dictionary.builtin(t == null ? "DICT90" : t.toString(), o);
    }

    private static boolean bool(Map<String, Object> p, String key, boolean def) {
        Object v = p.get(key);
        if (v == null) {
            return def;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().trim().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("true")) {
            return true;
        }
        if (s.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException(key + " must be a boolean, got " + v);
    }
}
