package io.ocrserve.ocr.rec;

/**
 * ABINet decoding (MMOCR ABIConvertor, which decodes like AttnConvertor): DICT36, EOS at 36, stop at EOS.
 * The text is lowercase because DICT36 is. ABINet returns logits; with {@code softmax} false the char scores
 * are the raw max logits, which is what MMOCR 0.6 itself reported (open-mmlab/mmocr#1092), with true they are
 * probabilities as for every other model.
 */
public final class AbiDecoder extends AttentionDecoder {
    public AbiDecoder(Dictionary dictionary, boolean softmax) {
        super(dictionary.attentionTable(), softmax);
    }

    /** DICT36 with the ABINet config's options, softmax applied. */
    public AbiDecoder() {
        this(Dictionary.builtin("DICT36", Dictionary.Options.abi()), true);
    }
}
