package io.ocrserve.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocrserve.jobs.JobInfo;
import io.ocrserve.jobs.JobRequest;
import io.ocrserve.jobs.JobRunner;
import io.ocrserve.serving.ServingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * POST /jobs as multipart/form-data: the dataset zip in a file part named {@code dataset}, and either a
 * {@code request} part (the JSON body) or the fields {@code type}, {@code model}, {@code format},
 * {@code annotations}, {@code images}, {@code metrics} (comma separated) and {@code options} (JSON).
 */
final class JobUploads {
    private JobUploads() {}

    static JobInfo submit(JobRunner runner, String contentType, byte[] body) {
        List<Multipart.Part> parts = Multipart.parse(body, Multipart.boundary(contentType));
        Multipart.Part zip = parts.stream().filter(p -> "dataset".equals(p.name())).findFirst()
                .orElseThrow(() -> ServingException.badRequest("multipart job without a 'dataset' part (the zip)"));
        JobRequest request = request(parts);
        Path tmp = null;
        try {
            tmp = Files.createTempFile("ocrserve-dataset", ".zip");
            Files.write(tmp, zip.data());
            return runner.submitUpload(request, tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                tmp.toFile().delete();
            }
        }
    }

    private static JobRequest request(List<Multipart.Part> parts) {
        String json = text(parts, "request");
        if (json != null) {
            return JobResource.parse(json.getBytes(StandardCharsets.UTF_8));
        }
        String metrics = text(parts, "metrics");
        String options = text(parts, "options");
        Map<String, Object> opts = null;
        if (options != null && !options.isBlank()) {
            try {
                opts = new ObjectMapper().readValue(options, new TypeReference<Map<String, Object>>() {});
            } catch (IOException e) {
                throw ServingException.badRequest("'options' must be a JSON object: " + e.getMessage().lines()
                        .findFirst().orElse(""));
            }
        }
        String type = text(parts, "type");
        return new JobRequest(type == null ? JobRequest.EVALUATE : type, text(parts, "model"),
                new JobRequest.DatasetSpec(text(parts, "format"), text(parts, "annotations"), text(parts, "images"), null),
                metrics == null || metrics.isBlank() ? null
                        : Arrays.stream(metrics.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                opts);
    }

    private static String text(List<Multipart.Part> parts, String name) {
        return parts.stream().filter(p -> name.equals(p.name())).findFirst()
                .map(p -> new String(p.data(), StandardCharsets.UTF_8).trim()).orElse(null);
    }
}
