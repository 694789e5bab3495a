package io.ocrserve.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ocrserve.TestData;
import io.ocrserve.eval.PredInstance;
import io.ocrserve.eval.datasets.DatasetReaders;
import io.ocrserve.eval.datasets.DetDataset;
import io.ocrserve.eval.datasets.DetSample;
import io.ocrserve.eval.metrics.HmeanIou;
import io.ocrserve.eval.metrics.HmeanResult;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ppocr_det over HTTP on the 10 ICDAR2015 toy photos, scored with MMOCR's hmean-iou. */
@QuarkusTest
class DetectionAccuracyTest {

    @BeforeEach
    void ready() {
        Ready.await();
    }

    @Test
    void ppocrDetReachesHmeanIouOfAtLeast06OnTheToyPhotos() {
        DetDataset data = DatasetReaders.openDet("icdar_coco", TestData.toy("toy_dataset/instances_test.json"),
                TestData.toy("toy_dataset/imgs"));
        assertEquals(10, data.samples().size());
        List<List<PredInstance>> predictions = new ArrayList<>();
        for (DetSample sample : data.samples()) {
            List<List<Float>> rows = given().body(TestData.bytes(data.imagesDir().resolve(sample.file())))
                    .post("/predictions/ppocr_det").then().statusCode(200).extract().jsonPath()
                    .getList("boundary_result");
            List<PredInstance> preds = new ArrayList<>();
            for (List<Float> row : rows) {
                preds.add(PredInstance.fromBoundary(row.stream().mapToDouble(Float::doubleValue).toArray()));
            }
            predictions.add(preds);
        }
        HmeanResult r = new HmeanIou().evaluate(data.groundTruth(), predictions);
        System.out.println("ppocr_det on toy_dataset: " + r.toMap());
        assertTrue(r.hmean() >= 0.6, "hmean-iou " + r.toMap());
    }
}
