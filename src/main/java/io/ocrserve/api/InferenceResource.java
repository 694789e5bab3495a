package io.ocrserve.api;

import io.ocrserve.serving.InferenceInput;
import io.ocrserve.serving.InferenceOutput;
import io.ocrserve.serving.ModelRegistry;
import io.ocrserve.serving.StartupLoader;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** TorchServe's inference API (inference port). Requests are queued to the model's workers, off the event loop. */
@Path("/")
@Tag(name = "inference", description = "Predictions and health (inference port)")
public class InferenceResource {

    @Inject
    ModelRegistry registry;

    @Inject
    StartupLoader startup;

    @Inject
    io.ocrserve.config.ServerConfig config;

    @GET
    @Path("ping")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "ping", summary = "Health: Healthy once the startup models are loaded and every default version has its workers")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Health.class)))
    @APIResponse(responseCode = "500", content = @Content(schema = @Schema(implementation = Health.class)))
    public Response ping() {
        boolean ok = startup.done() && registry.healthy();
        return Response.status(ok ? 200 : 500).entity(new Health(ok ? "Healthy" : "Unhealthy")).build();
    }

    @Schema(name = "Health")
    public record Health(@Schema(enumeration = {"Healthy", "Unhealthy"}) String status) {}

    @POST
    @Path("predictions/{model}")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, "image/png"})
    @Operation(operationId = "predict", summary = "Run the default version of a model on one or more images")
    @RequestBody(required = true, description = "An image (raw body), multipart files in field 'data' or 'file', or JSON {\"data\": \"<base64>\"}",
            content = {@Content(mediaType = "application/octet-stream", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/*", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "multipart/form-data", schema = @Schema(implementation = MultipartInput.class)),
                    @Content(mediaType = "application/json", schema = @Schema(implementation = Base64Input.class))})
    @APIResponse(responseCode = "200", description = "The handler's JSON (a JSON array for several inputs), or a PNG with visualize=true",
            content = {@Content(mediaType = "application/json", schema = @Schema(implementation = PredictionResult.class)),
                    @Content(mediaType = "image/png", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "Bad input", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "Unknown model or version", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "408", description = "Not answered within response_timeout", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "413", description = "Body over max_request_size", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "Queue full or no worker (see Retry-After)", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public CompletionStage<Response> predict(@PathParam("model") String model, @Context HttpHeaders headers,
            @Context UriInfo uri, byte[] body) {
        return run(model, null, headers, uri, body);
    }

    @PUT
    @Path("predictions/{model}")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, "image/png"})
    @Operation(operationId = "predictPut", summary = "Same as POST (curl -T sends PUT)")
    public CompletionStage<Response> predictPut(@PathParam("model") String model, @Context HttpHeaders headers,
            @Context UriInfo uri, byte[] body) {
        return run(model, null, headers, uri, body);
    }

    @POST
    @Path("predictions/{model}/{version}")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, "image/png"})
    @Operation(operationId = "predictVersion", summary = "Run one version of a model")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PredictionResult.class)))
    public CompletionStage<Response> predictVersion(@PathParam("model") String model,
            @PathParam("version") String version, @Context HttpHeaders headers, @Context UriInfo uri, byte[] body) {
        return run(model, version, headers, uri, body);
    }

    @PUT
    @Path("predictions/{model}/{version}")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, "image/png"})
    @Operation(operationId = "predictVersionPut", summary = "Same as POST (curl -T sends PUT)")
    public CompletionStage<Response> predictVersionPut(@PathParam("model") String model,
            @PathParam("version") String version, @Context HttpHeaders headers, @Context UriInfo uri, byte[] body) {
        return run(model, version, headers, uri, body);
    }

    private CompletionStage<Response> run(String model, String version, HttpHeaders headers, UriInfo uri, byte[] body) {
        Map<String, List<String>> params = Map.copyOf(uri.getQueryParameters());
        if (acceptsPngOnly(headers) && !params.containsKey("visualize")) {
            params = new java.util.HashMap<>(params);
            params.put("visualize", List.of("true"));
        }
        if (body != null && body.length > config.maxRequestSize()) {
            // chunked uploads carry no Content-Length for the request guard to check
            throw new io.ocrserve.serving.ServingException(io.ocrserve.serving.ServingException.Reason.TOO_LARGE,
                    "Request body of " + body.length + " bytes exceeds max_request_size (" + config.maxRequestSize()
                            + " bytes)");
        }
        String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        List<InferenceInput> inputs = PredictionInputs.parse(body, contentType, params);
        boolean many = inputs.size() > 1;
        return Submissions.submitAll(registry.get(model, version), inputs).thenApply(outputs -> {
            if (!many) {
                InferenceOutput out = outputs.get(0);
                return out.isJson() ? Response.ok(out.json(), MediaType.APPLICATION_JSON_TYPE).build()
                        : Response.ok(out.bytes(), out.contentType()).build();
            }
            List<Object> all = new ArrayList<>();
            for (InferenceOutput out : outputs) {
                all.add(out.isJson() ? out.json() : java.util.Base64.getEncoder().encodeToString(out.bytes()));
            }
            return Response.ok(all, MediaType.APPLICATION_JSON_TYPE).build();
        });
    }

    private static boolean acceptsPngOnly(HttpHeaders headers) {
        List<MediaType> accept = headers.getAcceptableMediaTypes();
        return !accept.isEmpty() && accept.get(0).isCompatible(MediaType.valueOf("image/png"))
                && !accept.get(0).isWildcardType();
    }

    @Schema(name = "MultipartInput")
    public static class MultipartInput {
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary", description = "an image; repeat the field for several inputs")
        public byte[] data;
    }

    @Schema(name = "Base64Input")
    public record Base64Input(@Schema(description = "the image, base64-encoded") String data) {}

    /** Documentation of the possible answers (detection, recognition or end-to-end OCR). */
    @Schema(name = "PredictionResult", description = "textdet: {boundary_result}; textrecog: {text, score}; ocr: MMOCR ocr.py's result")
    public record PredictionResult(
            @Schema(description = "detected polygons [x1, y1, ..., xn, yn, score] in image pixels") List<List<Double>> boundary_result,
            @Schema(description = "recognized text") String text,
            @Schema(description = "mean character confidence") Double score,
            @Schema(description = "image name (ocr)") String filename,
            @Schema(description = "words with boxes (ocr, details=true)") List<Map<String, Object>> result) {}
}
