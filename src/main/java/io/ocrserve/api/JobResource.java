package io.ocrserve.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocrserve.api.JobDtos.ArtifactList;
import io.ocrserve.api.JobDtos.JobList;
import io.ocrserve.jobs.JobInfo;
import io.ocrserve.jobs.JobRequest;
import io.ocrserve.jobs.JobRunner;
import io.ocrserve.jobs.JobState;
import io.ocrserve.jobs.JobStore;
import io.ocrserve.serving.ServingException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Asynchronous jobs (management port): submit an evaluation, follow it, read its results, cancel it. */
@Path("/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "jobs", description = "Evaluation jobs: submit, list, follow, cancel (management port)")
@APIResponse(responseCode = "400", description = "Bad request", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@APIResponse(responseCode = "404", description = "Unknown job, model or artifact", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
public class JobResource {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    @Inject
    JobRunner runner;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.MULTIPART_FORM_DATA, MediaType.WILDCARD})
    @Operation(operationId = "submitJob", summary = "Submit a job: JSON, or multipart with the dataset as a zip "
            + "('dataset' file part plus 'request' JSON or the fields model, format, annotations, images, metrics)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobRequest.class)))
    @APIResponse(responseCode = "202", description = "Queued; Location is the job", content = @Content(schema = @Schema(implementation = JobInfo.class)))
    public Response submit(@HeaderParam("Content-Type") String contentType, byte[] body) {
        JobInfo job;
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            job = JobUploads.submit(runner, contentType, body);
        } else {
            job = runner.submit(parse(body));
        }
        return Response.status(202).location(URI.create("/jobs/" + job.id())).entity(job).build();
    }

    @GET
    @Operation(operationId = "listJobs", summary = "List jobs, newest first, optionally by state and type")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JobList.class)))
    public JobList list(@QueryParam("state") String state, @QueryParam("type") String type,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("limit") String limit,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("next_page_token") String nextPageToken) {
        int size = Math.min(orDefault(Params.integer("limit", limit, 1, 1000), 100), 1000);
        int offset = orDefault(Params.integer("next_page_token", nextPageToken, 0, Integer.MAX_VALUE), 0);
        List<JobInfo> all = runner.list(state == null || state.isBlank() ? null : JobState.parse(state),
                type == null || type.isBlank() ? null : type);
        List<JobInfo> page = all.stream().skip(offset).limit(size).toList();
        return new JobList(offset + size < all.size() ? Integer.toString(offset + size) : null, page);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getJob", summary = "A job: state, progress, ETA, metrics, error")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JobInfo.class)))
    public JobInfo get(@PathParam("id") String id) {
        return runner.get(id);
    }

    @GET
    @Path("/{id}/logs")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(operationId = "getJobLogs", summary = "The job's log from byte 'since' on; X-Next-Offset says where to go on")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_PLAIN))
    public Response logs(@PathParam("id") String id,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("since") String since) {
        int from = orDefault(Params.integer("since", since, 0, Integer.MAX_VALUE), 0);
        JobStore.LogChunk chunk = runner.log(id, from);
        return Response.ok(chunk.text(), MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .header("X-Next-Offset", chunk.next()).build();
    }

    @GET
    @Path("/{id}/artifacts")
    @Operation(operationId = "listJobArtifacts", summary = "Names of the job's artifacts (predictions.jsonl, metrics.json)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ArtifactList.class)))
    public ArtifactList artifacts(@PathParam("id") String id) {
        return new ArtifactList(id, runner.artifacts(id));
    }

    @GET
    @Path("/{id}/artifacts/{name}")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "getJobArtifact", summary = "One artifact's content")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM))
    public Response artifact(@PathParam("id") String id, @PathParam("name") String name) {
        java.nio.file.Path file = runner.artifact(id, name);
        String type = name.endsWith(".json") ? MediaType.APPLICATION_JSON
                : name.endsWith(".jsonl") ? "application/x-ndjson" : MediaType.APPLICATION_OCTET_STREAM;
        try {
            return Response.ok(Files.readAllBytes(file), type).build();
        } catch (IOException e) {
            throw new ServingException(ServingException.Reason.INTERNAL, "cannot read artifact " + name, e);
        }
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "cancelJob", summary = "Cancel a queued or running job (waits a few seconds for it to stop)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JobInfo.class)))
    @APIResponse(responseCode = "409", description = "The job has already ended", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public JobInfo cancel(@PathParam("id") String id) {
        return runner.cancel(id);
    }

    static JobRequest parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw ServingException.badRequest("a job needs a JSON body: {\"type\": \"evaluate\", \"model\", \"dataset\": "
                    + "{\"format\", \"annotations\", \"images\"}, \"metrics\": [...]}");
        }
        try {
            return JSON.readValue(body, JobRequest.class);
        } catch (IOException e) {
            throw ServingException.badRequest("job request must be JSON with type, model, dataset, metrics, options: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static int orDefault(Integer v, int fallback) {
        return v == null ? fallback : v;
    }
}
