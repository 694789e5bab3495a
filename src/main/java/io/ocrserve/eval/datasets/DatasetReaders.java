package io.ocrserve.eval.datasets;

import java.nio.file.Path;
import java.util.List;

/** The one entry point to read an evaluation dataset in one of MMOCR's formats. */
public final class DatasetReaders {
    /** Detection formats. */
    public static final List<String> DET_FORMATS = List.of(CocoReader.FORMAT, TextDetJsonlReader.FORMAT,
            IcdarTxtReader.FORMAT);
    /** Recognition formats. */
    public static final List<String> REC_FORMATS = List.of(OcrLabelReader.TXT, OcrLabelReader.JSONL,
            LmdbReader.FORMAT);

    private DatasetReaders() {
    }

    /**
     * @param format      one of {@link #DET_FORMATS} or {@link #REC_FORMATS}
     * @param annotations the annotation file, gt folder ({@code icdar_txt}) or LMDB folder ({@code lmdb})
     * @param imagesDir   folder the image names are relative to; may be null (then {@code icdar_txt} image
     *                    sizes are 0)
     * @throws IllegalArgumentException for an unknown format
     * @throws DatasetException         for missing, unreadable or corrupt files
     */
    public static Dataset open(String format, Path annotations, Path imagesDir) {
        if (format == null) {
            throw new IllegalArgumentException("no dataset format given; known: " + known());
        }
        return switch (format) {
            case CocoReader.FORMAT -> CocoReader.read(annotations, imagesDir);
            case TextDetJsonlReader.FORMAT -> TextDetJsonlReader.read(annotations, imagesDir);
            case IcdarTxtReader.FORMAT -> IcdarTxtReader.read(annotations, imagesDir);
            case OcrLabelReader.TXT -> OcrLabelReader.readTxt(annotations, imagesDir);
            case OcrLabelReader.JSONL -> OcrLabelReader.readJsonl(annotations, imagesDir);
            case LmdbReader.FORMAT -> LmdbReader.read(annotations, imagesDir);
            default -> throw new IllegalArgumentException(
                    "unknown dataset format '" + format + "'; known: " + known());
        };
    }

    /** {@link #open} for a detection format. */
    public static DetDataset openDet(String format, Path annotations, Path imagesDir) {
        if (REC_FORMATS.contains(format)) {
            throw new IllegalArgumentException("'" + format + "' is a recognition format; detection formats: "
                    + DET_FORMATS);
        }
        return (DetDataset) open(format, annotations, imagesDir);
    }

    /** {@link #open} for a recognition format. */
    public static RecDataset openRec(String format, Path annotations, Path imagesDir) {
        if (DET_FORMATS.contains(format)) {
            throw new IllegalArgumentException("'" + format + "' is a detection format; recognition formats: "
                    + REC_FORMATS);
        }
        return (RecDataset) open(format, annotations, imagesDir);
    }

    private static String known() {
        return String.join(", ", DET_FORMATS) + " (detection); " + String.join(", ", REC_FORMATS)
                + " (recognition)";
    }
}
