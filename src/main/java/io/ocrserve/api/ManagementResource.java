package io.ocrserve.api;

import io.ocrserve.api.ManagementDtos.ModelEntry;
import io.ocrserve.api.ManagementDtos.ModelList;
import io.ocrserve.api.ManagementDtos.Register;
import io.ocrserve.api.ManagementDtos.Status;
import io.ocrserve.serving.ModelDescription;
import io.ocrserve.serving.ModelRegistry;
import io.ocrserve.serving.RegisterRequest;
import io.ocrserve.serving.ServingException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** TorchServe's management API (management port). */
@Path("/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "management", description = "Register, scale, describe and unregister models (management port)")
@APIResponse(responseCode = "400", description = "Bad parameter", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@APIResponse(responseCode = "404", description = "Unknown model or version", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
public class ManagementResource {

    @Inject
    ModelRegistry registry;

    @GET
    @Operation(operationId = "listModels", summary = "List registered models (default versions), sorted by name")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ModelList.class)))
    public ModelList list(@Parameter(schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("limit") String limit, @Parameter(schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("next_page_token") String nextPageToken) {
        int size = orDefault(Params.integer("limit", limit, 1, 1000), 100);
        size = Math.min(size, 100);
        int offset = orDefault(Params.integer("next_page_token", nextPageToken, 0, Integer.MAX_VALUE), 0);
        List<Map.Entry<String, String>> all = registry.list();
        List<ModelEntry> page = all.stream().skip(offset).limit(size)
                .map(e -> new ModelEntry(e.getKey(), e.getValue())).toList();
        String next = offset + size < all.size() ? Integer.toString(offset + size) : null;
        return new ModelList(next, page);
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(operationId = "registerModel", summary = "Register a model archive from the model store or an allowed URL")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Register.class)))
    @APIResponse(responseCode = "200", description = "Registered, workers ready", content = @Content(schema = @Schema(implementation = Status.class)))
    @APIResponse(responseCode = "202", description = "Accepted (synchronous=false)", content = @Content(schema = @Schema(implementation = Status.class)))
    @APIResponse(responseCode = "409", description = "Version already registered", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "500", description = "Workers failed to start", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response register(@QueryParam("url") String url, @QueryParam("model_name") String modelName,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("batch_size") String batchSize, @Parameter(schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("max_batch_delay") String maxBatchDelay,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("initial_workers") String initialWorkers, @Parameter(schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("max_workers") String maxWorkers,
            @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("synchronous") String synchronous, @Parameter(schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("response_timeout") String responseTimeout,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("startup_timeout") String startupTimeout, @Parameter(schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("job_queue_size") String jobQueueSize,
            @QueryParam("device") String device, byte[] body) {
        Register b = parseBody(body);
        boolean sync = synchronous != null ? Params.bool("synchronous", synchronous, true)
                : b.synchronous() == null || b.synchronous();
        RegisterRequest r = new RegisterRequest(url != null ? url : b.url(),
                modelName != null ? modelName : b.modelName(),
                either(Params.integer("batch_size", batchSize, 1, 1024), b.batchSize()),
                either(Params.integer("max_batch_delay", maxBatchDelay, 0, 600_000), b.maxBatchDelay()),
                either(Params.integer("initial_workers", initialWorkers, 0, 256), b.initialWorkers()),
                either(Params.integer("max_workers", maxWorkers, 0, 256), b.maxWorkers()),
                either(Params.integer("response_timeout", responseTimeout, 1, 86_400), b.responseTimeout()),
                either(Params.integer("startup_timeout", startupTimeout, 1, 86_400), b.startupTimeout()),
                either(Params.integer("job_queue_size", jobQueueSize, 1, 1_000_000), b.jobQueueSize()),
                device != null ? device : b.device(), sync);
        String status = registry.register(r, false);
        return Response.status(sync ? 200 : 202).entity(new Status(status)).build();
    }

    @GET
    @Path("/{model}")
    @Operation(operationId = "describeModel", summary = "Describe the default version of a model")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ModelDescription.class)))
    public List<ModelDescription> describe(@PathParam("model") String model) {
        return registry.describe(model, null);
    }

    @GET
    @Path("/{model}/{version}")
    @Operation(operationId = "describeModelVersion", summary = "Describe one version, or every version with 'all'")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ModelDescription.class)))
    public List<ModelDescription> describeVersion(@PathParam("model") String model, @PathParam("version") String version) {
        return registry.describe(model, version);
    }

    @PUT
    @Path("/{model}")
    @Operation(operationId = "scaleModel", summary = "Scale the workers of the default version")
    @APIResponse(responseCode = "200", description = "Scaled (synchronous=true)", content = @Content(schema = @Schema(implementation = Status.class)))
    @APIResponse(responseCode = "202", description = "Scaling in the background", content = @Content(schema = @Schema(implementation = Status.class)))
    @APIResponse(responseCode = "206", description = "Still scaling after the timeout", content = @Content(schema = @Schema(implementation = Status.class)))
    public Response scale(@PathParam("model") String model, @Parameter(schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("min_worker") String minWorker,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("max_worker") String maxWorker, @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("synchronous") String synchronous,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("timeout") String timeout) {
        return scaleVersion(model, null, minWorker, maxWorker, synchronous, timeout);
    }

    @PUT
    @Path("/{model}/{version}")
    @Operation(operationId = "scaleModelVersion", summary = "Scale the workers of one version")
    @APIResponse(responseCode = "200", description = "Scaled (synchronous=true)", content = @Content(schema = @Schema(implementation = Status.class)))
    @APIResponse(responseCode = "202", description = "Scaling in the background", content = @Content(schema = @Schema(implementation = Status.class)))
    @APIResponse(responseCode = "206", description = "Still scaling after the timeout", content = @Content(schema = @Schema(implementation = Status.class)))
    public Response scaleVersion(@PathParam("model") String model, @PathParam("version") String version,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("min_worker") String minWorker, @Parameter(schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("max_worker") String maxWorker,
            @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("synchronous") String synchronous, @Parameter(schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("timeout") String timeout) {
        Integer min = Params.integer("min_worker", minWorker, 0, 256);
        Integer max = Params.integer("max_worker", maxWorker, 0, 256);
        boolean sync = Params.bool("synchronous", synchronous, false);
        Integer wait = Params.integer("timeout", timeout, -1, 86_400);
        CompletableFuture<Void> done = registry.scale(model, version, min, max);
        if (!sync) {
            return Response.status(202).entity(new Status("Processing worker updates...")).build();
        }
        var mv = registry.get(model, version);
        int target = mv.pool().targetWorkers();
        try {
            done.get(wait == null || wait < 0 ? mv.startupTimeout() : wait, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return Response.status(206).entity(new Status("Workers scaling in progress for model: " + model)).build();
        } catch (ExecutionException e) {
            throw new ServingException(ServingException.Reason.INTERNAL, "Failed to start workers for model "
                    + model + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServingException(ServingException.Reason.INTERNAL, "interrupted");
        }
        return Response.ok(new Status("Workers scaled to " + target + " for model: " + model)).build();
    }

    @PUT
    @Path("/{model}/{version}/set-default")
    @Operation(operationId = "setDefaultVersion", summary = "Make a version the default")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Status.class)))
    public Status setDefault(@PathParam("model") String model, @PathParam("version") String version) {
        return new Status(registry.setDefault(model, version));
    }

    @DELETE
    @Path("/{model}")
    @Operation(operationId = "unregisterModel", summary = "Unregister the default version (403 while other versions exist)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Status.class)))
    @APIResponse(responseCode = "403", description = "Default version while other versions exist", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Status unregister(@PathParam("model") String model) {
        return new Status(registry.unregister(model, null));
    }

    @DELETE
    @Path("/{model}/{version}")
    @Operation(operationId = "unregisterModelVersion", summary = "Unregister one version")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Status.class)))
    @APIResponse(responseCode = "403", description = "Default version while other versions exist", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Status unregisterVersion(@PathParam("model") String model, @PathParam("version") String version) {
        return new Status(registry.unregister(model, version));
    }

    /** The optional JSON body: read whatever the Content-Type says (curl -X POST sends none, or a form type). */
    private static Register parseBody(byte[] body) {
        if (body == null || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return new Register(null, null, null, null, null, null, null, null, null, null, null);
        }
        try {
            return JSON.readValue(body, Register.class);
        } catch (java.io.IOException e) {
            throw ServingException.badRequest("registration body must be JSON with the query parameters' keys: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private static int orDefault(Integer v, int fallback) {
        return v == null ? fallback : v;
    }

    private static Integer either(Integer a, Integer b) {
        return a != null ? a : b;
    }
}
