package io.ocrserve.eval.datasets;

import io.ocrserve.eval.GtInstance;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code icdar_txt}: a folder of {@code gt_<name>.txt} files (or one such file), lines
 * {@code x1,y1,x2,y2,x3,y3,x4,y4,transcription}; the transcription may contain commas and {@code ###} marks a
 * don't-care box. {@code gt_img_N.txt} belongs to image {@code img_N.<ext>} in the images folder, whose size
 * is read from the image header. As MMOCR's icdar converter + IcdarDataset: bbox = polygon bounds, boxes with
 * w &lt; 1 or h &lt; 1 are skipped.
 */
final class IcdarTxtReader {
    static final String FORMAT = "icdar_txt";
    private static final Pattern NUMBER = Pattern.compile("(\\d+)");
    private static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".JPG", ".JPEG", ".PNG",
            ".bmp", ".gif");

    private IcdarTxtReader() {
    }

    static DetDataset read(Path ann, Path imagesDir) {
        if (ann == null || !Files.exists(ann)) {
            throw new DatasetException(FORMAT, ann, "not found; expected a folder of gt_*.txt files");
        }
        List<Path> files = gtFiles(ann);
        if (files.isEmpty()) {
            throw new DatasetException(FORMAT, ann, "holds no gt_*.txt file");
        }
        List<Skipped> skipped = new ArrayList<>();
        List<DetSample> samples = new ArrayList<>();
        for (Path gt : files) {
            String stem = gt.getFileName().toString();
            stem = stem.substring(0, stem.length() - 4);
            String name = stem.startsWith("gt_") ? stem.substring(3) : stem;
            String file = name + ".jpg";
            int[] size = {0, 0};
            if (imagesDir != null) {
                Path img = findImage(imagesDir, name);
                if (img == null) {
                    skipped.add(new Skipped(gt.getFileName().toString(),
                            "no image " + name + ".{jpg,png,...} in " + imagesDir));
                    continue;
                }
                file = img.getFileName().toString();
                size = imageSize(img);
            }
            samples.add(new DetSample(file, size[0], size[1], parse(gt, skipped)));
        }
        return new DetDataset(FORMAT, imagesDir, samples, skipped);
    }

    private static List<GtInstance> parse(Path gt, List<Skipped> skipped) {
        List<GtInstance> out = new ArrayList<>();
        List<String> lines = Files2.lines(FORMAT, gt);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = gt.getFileName() + " line " + (n + 1);
            String[] parts = line.split(",", 9);
            if (parts.length < 8) {
                skipped.add(new Skipped(where, "expected x1,y1,...,x4,y4,transcription"));
                continue;
            }
            double[] poly = new double[8];
            try {
                for (int i = 0; i < 8; i++) {
                    poly[i] = Double.parseDouble(parts[i].strip());
                }
            } catch (NumberFormatException e) {
                skipped.add(new Skipped(where, "coordinates are not numbers: " + e.getMessage()));
                continue;
            }
            String text = parts.length == 9 ? parts[8] : "";
            double w = max(poly, 0) - min(poly, 0);
            double h = max(poly, 1) - min(poly, 1);
            if (w < 1 || h < 1) {
                skipped.add(new Skipped(where, "degenerate box (w " + w + ", h " + h + ")"));
                continue;
            }
            out.add(new GtInstance(poly, text.strip().equals("###"), text));
        }
        return out;
    }

    private static List<Path> gtFiles(Path ann) {
        if (!Files.isDirectory(ann)) {
            return List.of(ann);
        }
        try (Stream<Path> s = Files.list(ann)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".txt") && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(IcdarTxtReader::numberIn).thenComparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new DatasetException(FORMAT, ann, "cannot be listed: " + e.getMessage(), e);
        }
    }

    /** gt_img_2 before gt_img_10. */
    private static long numberIn(Path p) {
        Matcher m = NUMBER.matcher(p.getFileName().toString());
        long last = -1;
        while (m.find()) {
            last = m.group(1).length() > 18 ? Long.MAX_VALUE : Long.parseLong(m.group(1));
        }
        return last;
    }

    private static Path findImage(Path dir, String name) {
        for (String ext : EXTENSIONS) {
            Path p = dir.resolve(name + ext);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** Width and height from the image header, without decoding the pixels. */
    static int[] imageSize(Path img) {
        try (ImageInputStream in = ImageIO.createImageInputStream(img.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new DatasetException(FORMAT, img, "is not an image format Java can read");
            }
            ImageReader r = readers.next();
            try {
                r.setInput(in, true, true);
                return new int[] {r.getWidth(0), r.getHeight(0)};
            } finally {
                r.dispose();
            }
        } catch (IOException e) {
            throw new DatasetException(FORMAT, img, "image header cannot be read: " + e.getMessage(), e);
        }
    }

    private static double min(double[] p, int off) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = off; i < p.length; i += 2) {
            m = Math.min(m, p[i]);
        }
        return m;
    }

    private static double max(double[] p, int off) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = off; i < p.length; i += 2) {
            m = Math.max(m, p[i]);
        }
        return m;
    }
}
