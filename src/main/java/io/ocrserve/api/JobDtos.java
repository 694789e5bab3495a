package io.ocrserve.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ocrserve.jobs.JobInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the job API that are not {@link JobInfo} itself. */
final class JobDtos {
    private JobDtos() {}

    @Schema(name = "JobList", description = "Jobs, newest first")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JobList(@Schema(description = "Offset of the next page; absent on the last page") String nextPageToken,
            List<JobInfo> jobs) {}

    @Schema(name = "ArtifactList")
    record ArtifactList(String id, List<String> artifacts) {}
}
