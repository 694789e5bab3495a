package io.ocrserve.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs on disk: round trip, logs with offsets, artifacts by name only, recovery after a crash. */
class JobStoreTest {
    @TempDir
    Path dir;

    private static JobRequest request() {
        return new JobRequest("evaluate", "ppocr_det", new JobRequest.DatasetSpec("icdar_coco", "a.json", "imgs", null),
                List.of("hmean-iou"), Map.of("min_score_thr", 0.5));
    }

    @Test
    void savesAndLoadsEveryState() {
        JobStore store = new JobStore(dir);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        JobInfo q = JobInfo.queued("a", request(), t);
        JobInfo done = JobInfo.queued("b", request(), t.plusSeconds(1)).running(t.plusSeconds(2))
                .succeeded(Map.of("hmean-iou:hmean", 0.5), t.plusSeconds(5));
        store.save(q);
        store.save(done);
        List<JobInfo> back = new JobStore(dir).loadAll().stream().sorted(java.util.Comparator.comparing(JobInfo::id)).toList();
        assertEquals(List.of(q, done), back);
        assertEquals(3.0, back.get(1).durationSeconds(Instant.now()));
    }

    @Test
    void runningJobsAreFailedAsInterruptedAfterARestartOthersKept() throws Exception {
        JobStore store = new JobStore(dir);
        Instant t = Instant.now();
        store.save(JobInfo.queued("1-queued", request(), t));
        store.save(JobInfo.queued("2-running", request(), t.plusSeconds(1)).running(t.plusSeconds(2)).progressed(0.4, 7L));
        store.save(JobInfo.queued("3-cancelled", request(), t.plusSeconds(2)).ended(JobState.CANCELLED, "cancelled by request", t));
        Files.createDirectories(dir.resolve("4-garbage"));
        Files.writeString(dir.resolve("4-garbage/job.json"), "{not json");

        List<JobInfo> after = new JobStore(dir).recover();
        assertEquals(List.of("1-queued", "2-running", "3-cancelled"), after.stream().map(JobInfo::id).toList());
        assertEquals(JobState.QUEUED, after.get(0).state());
        assertEquals(JobState.FAILED, after.get(1).state());
        assertEquals("interrupted", after.get(1).error());
        assertTrue(after.get(1).finished() != null);
        assertNull(after.get(1).etaSeconds());
        assertEquals(JobState.CANCELLED, after.get(2).state());
        // and it is on disk so
        JobInfo reread = new JobStore(dir).loadAll().stream().filter(j -> j.id().equals("2-running")).findFirst().orElseThrow();
        assertEquals(JobState.FAILED, reread.state());
        assertTrue(store.readLog("2-running", 0).text().contains("interrupted"));
    }

    @Test
    void logsFollowWithOffsetsAndArtifactsOnlyByName() throws Exception {
        JobStore store = new JobStore(dir);
        store.log("x", "one");
        JobStore.LogChunk first = store.readLog("x", 0);
        assertTrue(first.text().endsWith(" one\n"));
        store.log("x", "two");
        JobStore.LogChunk second = store.readLog("x", first.next());
        assertTrue(second.text().endsWith(" two\n") && !second.text().contains("one"), second.text());
        assertEquals("", store.readLog("x", second.next()).text());
        assertEquals("", store.readLog("missing", 0).text());

        Files.createDirectories(store.artifacts("x"));
        Files.writeString(store.artifacts("x").resolve("metrics.json"), "{}");
        assertEquals(List.of("metrics.json"), store.artifactNames("x"));
        assertEquals(store.artifacts("x").resolve("metrics.json"), store.artifact("x", "metrics.json"));
        assertThrows(JobException.class, () -> store.artifact("x", "../log.txt"));
    }

    @Test
    void dataRootRefusesPathsOutsideIt() throws Exception {
        Path root = Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(root.resolve("set"));
        Files.writeString(dir.resolve("secret.txt"), "x");
        DataRoot r = new DataRoot(root);
        assertEquals(root.resolve("set").toAbsolutePath().normalize(), r.resolve("dataset.images", "set"));
        for (String bad : List.of("../secret.txt", dir.resolve("secret.txt").toString(), "set/../../secret.txt")) {
            JobException e = assertThrows(JobException.class, () -> r.resolve("dataset.annotations", bad));
            assertTrue(e.getMessage().contains("outside the data root"), e.getMessage());
        }
        Files.createSymbolicLink(root.resolve("link"), dir);
        assertTrue(assertThrows(JobException.class, () -> r.resolve("dataset.images", "link/secret.txt"))
                .getMessage().contains("outside the data root"));
        assertTrue(assertThrows(JobException.class, () -> r.resolve("dataset.images", "nope"))
                .getMessage().contains("does not exist"));
        assertTrue(assertThrows(JobException.class, () -> r.resolve("dataset.images", null))
                .getMessage().contains("required"));
    }
}
