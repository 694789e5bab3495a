package io.ocrserve.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ocrserve.TestData;
import io.ocrserve.ocr.image.Image;
import io.ocrserve.ocr.image.ImageCodec;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code ?visualize=true} (or {@code Accept: image/png}) on detection and end-to-end OCR: MMOCR's --imshow. */
@QuarkusTest
class VisualizeApiTest {
    static final Path PLAQUE = TestData.toy("demo/demo_text_det.jpg");

    @BeforeAll
    static void waitUntilModelsAreLoaded() throws InterruptedException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (given().port(Ports.INFERENCE).get("/ping").statusCode() != 200) { // RestAssured.port is set per test only
            assertTrue(System.nanoTime() < deadline, "/ping not healthy within 300 s");
            Thread.sleep(250);
        }
    }

    private static Image original() {
        return ImageCodec.decode(TestData.bytes(PLAQUE), Long.MAX_VALUE, false);
    }

    private static byte[] png(String path, String accept) {
        var request = given().body(TestData.bytes(PLAQUE));
        if (accept != null) {
            request = request.accept(accept);
        }
        return request.post(path).then().statusCode(200).contentType("image/png").extract().asByteArray();
    }

    /** The first detected box of the plain detection answer: its bounding rectangle x0, y0, x1, y1. */
    private static int[] firstBox() {
        List<List<Float>> boxes = given().body(TestData.bytes(PLAQUE)).post("/predictions/ppocr_det").then()
                .statusCode(200).extract().jsonPath().getList("boundary_result");
        assertTrue(!boxes.isEmpty());
        List<Float> b = boxes.get(0);
        int[] r = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        for (int i = 0; i + 1 < b.size(); i += 2) {
            r[0] = Math.min(r[0], Math.round(b.get(i)));
            r[1] = Math.min(r[1], Math.round(b.get(i + 1)));
            r[2] = Math.max(r[2], Math.round(b.get(i)));
            r[3] = Math.max(r[3], Math.round(b.get(i + 1)));
        }
        return r;
    }

    /** Checks size, that the drawing is there around the box, and that the rest is the original image. */
    private static void assertDrawnOnTheOriginal(byte[] pngBytes, int[] box) {
        Image drawn = ImageCodec.decode(pngBytes, Long.MAX_VALUE, false);
        Image src = original();
        assertEquals(src.width(), drawn.width());
        assertEquals(src.height(), drawn.height());
        assertEquals(3, drawn.channels());
        int changedNearBox = 0;
        int green = 0;
        for (int y = Math.max(0, box[1] - 3); y <= Math.min(src.height() - 1, box[3] + 3); y++) {
            for (int x = Math.max(0, box[0] - 3); x <= Math.min(src.width() - 1, box[2] + 3); x++) {
                boolean same = true;
                for (int c = 0; c < 3; c++) {
                    same &= drawn.at(x, y, c) == src.at(x, y, c);
                }
                changedNearBox += same ? 0 : 1;
                green += drawn.at(x, y, 0) == 0 && drawn.at(x, y, 1) == 255 && drawn.at(x, y, 2) == 0 ? 1 : 0;
            }
        }
        assertTrue(changedNearBox > 20, changedNearBox + " pixels changed near the box");
        assertTrue(green > 20, green + " pure green pixels near the box");
        int identical = 0;
        for (int i = 0; i < src.data().length; i++) {
            identical += src.data()[i] == drawn.data()[i] ? 1 : 0;
        }
        assertTrue(identical > src.data().length * 0.7, "the drawing is on the original image (PNG is lossless): "
                + identical + " of " + src.data().length + " bytes equal");
    }

    @Test
    void detectionVisualizeDrawsTheBoxes() {
        byte[] viz = png("/predictions/ppocr_det?visualize=true", null);
        assertDrawnOnTheOriginal(viz, firstBox());
        assertArrayEquals(viz, png("/predictions/ppocr_det", "image/png"), "Accept: image/png = visualize=true");
        assertArrayEquals(viz, png("/predictions/ppocr_det/1.0?visualize=1", null));
    }

    @Test
    void ocrVisualizeDrawsTheBoxesAndTexts() {
        byte[] viz = png("/predictions/ocr?visualize=true", null);
        assertDrawnOnTheOriginal(viz, firstBox());
        assertArrayEquals(viz, png("/predictions/ocr", "image/png"), "Accept: image/png = visualize=true");
        // texts are drawn too: the ocr picture differs from the detection-only one
        byte[] det = png("/predictions/ppocr_det?visualize=true", null);
        Image a = ImageCodec.decode(viz, Long.MAX_VALUE, false);
        Image b = ImageCodec.decode(det, Long.MAX_VALUE, false);
        int differ = 0;
        for (int i = 0; i < a.data().length; i++) {
            differ += a.data()[i] != b.data()[i] ? 1 : 0;
        }
        assertTrue(differ > 100, "labels drawn: " + differ + " bytes differ from the detection picture");
    }

    @Test
    void visualizeFalseAndOtherModelsStayJsonAndBadValuesAre400() {
        given().body(TestData.bytes(PLAQUE)).post("/predictions/ppocr_det?visualize=false").then().statusCode(200)
                .contentType(ContentType.JSON);
        given().body(TestData.bytes(PLAQUE)).post("/predictions/ppocr_det?visualize=perhaps").then().statusCode(400)
                .body("message", org.hamcrest.Matchers.containsString("visualize"));
        given().body(TestData.bytes(PLAQUE)).post("/predictions/ocr?visualize=perhaps").then().statusCode(400);
    }
}
