package io.ocrserve.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocrserve.api.KServeDtos.InferenceRequest;
import io.ocrserve.api.KServeDtos.InferenceResponse;
import io.ocrserve.api.KServeDtos.Live;
import io.ocrserve.api.KServeDtos.ModelMetadata;
import io.ocrserve.api.KServeDtos.ModelReady;
import io.ocrserve.api.KServeDtos.Ready;
import io.ocrserve.api.KServeDtos.RequestInput;
import io.ocrserve.api.KServeDtos.RequestOutput;
import io.ocrserve.api.KServeDtos.ResponseOutput;
import io.ocrserve.api.KServeDtos.ServerMetadata;
import io.ocrserve.api.KServeDtos.TensorMetadata;
import io.ocrserve.serving.InferenceInput;
import io.ocrserve.serving.InferenceOutput;
import io.ocrserve.serving.ModelRegistry;
import io.ocrserve.serving.ModelVersion;
import io.ocrserve.serving.ServingException;
import io.ocrserve.serving.StartupLoader;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * KServe v2 / Open Inference Protocol on the inference port. Every model takes one BYTES input {@code image}
 * (base64-encoded images, one per element) and answers one BYTES output {@code result}: per image the handler's
 * JSON answer as text (what {@code POST /predictions/{model}} answers), or a base64 PNG with
 * {@code visualize=true}. Request parameters are the handler's query parameters. Errors use our
 * {@code {"code", "type", "message"}} body.
 */
@Path("/v2")
@Tag(name = "kserve", description = "KServe v2 / Open Inference Protocol (inference port)")
public class KServeResource {
    static final String INPUT = "image";
    static final String OUTPUT = "result";
    static final String BYTES = "BYTES";
    private static final List<TensorMetadata> INPUTS = List.of(new TensorMetadata(INPUT, BYTES, List.of(-1L)));
    private static final List<TensorMetadata> OUTPUTS = List.of(new TensorMetadata(OUTPUT, BYTES, List.of(-1L)));

    @Inject
    ModelRegistry registry;

    @Inject
    StartupLoader startup;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "0.1.0")
    String version;

    // ---------------------------------------------------------------- server

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "v2ServerMetadata", summary = "Server metadata")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ServerMetadata.class)))
    public ServerMetadata server() {
        return new ServerMetadata("ocrserve", version, List.of());
    }

    @GET
    @Path("health/live")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "v2Live", summary = "Liveness: the server answers")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Live.class)))
    public Live live() {
        return new Live(true);
    }

    @GET
    @Path("health/ready")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "v2Ready", summary = "Readiness: the rule of GET /ping")
    @APIResponse(responseCode = "200", description = "Ready", content = @Content(schema = @Schema(implementation = Ready.class)))
    @APIResponse(responseCode = "503", description = "Not ready", content = @Content(schema = @Schema(implementation = Ready.class)))
    public Response ready() {
        boolean ok = startup.done() && registry.healthy();
        return Response.status(ok ? 200 : 503).entity(new Ready(ok)).build();
    }

    // ---------------------------------------------------------------- models

    @GET
    @Path("models/{model}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "v2ModelMetadata", summary = "Metadata of a model's default version")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ModelMetadata.class)))
    @APIResponse(responseCode = "404", description = "Unknown model", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public ModelMetadata model(@PathParam("model") String model) {
        return metadata(model, null);
    }

    @GET
    @Path("models/{model}/versions/{version}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "v2ModelVersionMetadata", summary = "Metadata of one version of a model")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ModelMetadata.class)))
    @APIResponse(responseCode = "404", description = "Unknown model or version", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public ModelMetadata modelVersion(@PathParam("model") String model, @PathParam("version") String version) {
        return metadata(model, version);
    }

    @GET
    @Path("models/{model}/ready")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "v2ModelReady", summary = "Whether the default version has its workers")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ModelReady.class)))
    @APIResponse(responseCode = "503", description = "Not ready", content = @Content(schema = @Schema(implementation = ModelReady.class)))
    @APIResponse(responseCode = "404", description = "Unknown model", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response modelReady(@PathParam("model") String model) {
        return readiness(model, null);
    }

    @GET
    @Path("models/{model}/versions/{version}/ready")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "v2ModelVersionReady", summary = "Whether one version has its workers")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ModelReady.class)))
    @APIResponse(responseCode = "503", description = "Not ready", content = @Content(schema = @Schema(implementation = ModelReady.class)))
    @APIResponse(responseCode = "404", description = "Unknown model or version", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response modelVersionReady(@PathParam("model") String model, @PathParam("version") String version) {
        return readiness(model, version);
    }

    private ModelMetadata metadata(String model, String version) {
        ModelVersion mv = registry.get(model, version);
        return new ModelMetadata(model, registry.versions(model), "ocrserve_" + mv.task(), INPUTS, OUTPUTS);
    }

    private Response readiness(String model, String version) {
        boolean ok = registry.get(model, version).ready();
        return Response.status(ok ? 200 : 503).entity(new ModelReady(model, ok)).build();
    }

    // ---------------------------------------------------------------- infer

    @POST
    @Path("models/{model}/infer")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "v2Infer", summary = "Run the default version of a model on base64-encoded images")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InferenceRequest.class)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InferenceResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed request or bad image", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "Unknown model", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "Queue full or no worker (see Retry-After)", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public CompletionStage<InferenceResponse> infer(@PathParam("model") String model, @Context RoutingContext ctx,
            byte[] body) {
        return run(model, null, ctx, body);
    }

    @POST
    @Path("models/{model}/versions/{version}/infer")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "v2InferVersion", summary = "Run one version of a model on base64-encoded images")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InferenceRequest.class)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InferenceResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed request or bad image", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "Unknown model or version", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "Queue full or no worker (see Retry-After)", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public CompletionStage<InferenceResponse> inferVersion(@PathParam("model") String model,
            @PathParam("version") String version, @Context RoutingContext ctx, byte[] body) {
        return run(model, version, ctx, body);
    }

    private CompletionStage<InferenceResponse> run(String model, String version, RoutingContext ctx, byte[] body) {
        ModelVersion target = registry.get(model, version);
        InferenceRequest request = parse(body);
        Map<String, List<String>> params = params(request.parameters());
        List<InferenceInput> inputs = new ArrayList<>();
        for (byte[] image : images(request)) {
            inputs.add(new InferenceInput(image, null, params));
        }
        String id = request.id() != null ? request.id() : ctx == null ? null : ctx.get(RequestGuard.REQUEST_ID);
        return Submissions.submitAll(target, inputs).thenApply(outputs -> {
            List<String> data = new ArrayList<>(outputs.size());
            String contentType = MediaType.APPLICATION_JSON;
            for (InferenceOutput out : outputs) {
                contentType = out.contentType();
                data.add(out.isJson() ? text(out.json()) : Base64.getEncoder().encodeToString(out.bytes()));
            }
            ResponseOutput output = new ResponseOutput(OUTPUT, List.of((long) data.size()), BYTES,
                    Map.of("content_type", contentType), data);
            return new InferenceResponse(target.name(), target.version(), id, List.of(output));
        });
    }

    private InferenceRequest parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw ServingException.badRequest("empty request body: send {\"inputs\": [{\"name\": \"image\", "
                    + "\"shape\": [1], \"datatype\": \"BYTES\", \"data\": [\"<base64 image>\"]}]}");
        }
        InferenceRequest request;
        try {
            request = json.readValue(body, InferenceRequest.class);
        } catch (JsonProcessingException e) {
            throw ServingException.badRequest("malformed inference request: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ServingException.badRequest("unreadable inference request: " + e.getMessage());
        }
        if (request == null) {
            throw ServingException.badRequest("the inference request must be a JSON object");
        }
        if (request.outputs() != null) {
            for (RequestOutput o : request.outputs()) {
                if (o == null || !OUTPUT.equals(o.name())) {
                    throw ServingException.badRequest("unknown output '" + (o == null ? null : o.name())
                            + "': the only output is '" + OUTPUT + "'");
                }
            }
        }
        return request;
    }

    /** The images of the one input 'image', base64-decoded, checked against its shape and datatype. */
    private static List<byte[]> images(InferenceRequest request) {
        if (request.inputs() == null || request.inputs().isEmpty()) {
            throw ServingException.badRequest("missing inputs: send one input named '" + INPUT + "'");
        }
        if (request.inputs().size() > 1) {
            throw ServingException.badRequest(request.inputs().size() + " inputs: send exactly one, named '" + INPUT + "'");
        }
        RequestInput in = request.inputs().get(0);
        if (in == null || !INPUT.equals(in.name())) {
            throw ServingException.badRequest("unknown input '" + (in == null ? null : in.name())
                    + "': the only input is '" + INPUT + "'");
        }
        if (!BYTES.equals(in.datatype())) {
            throw ServingException.badRequest("input '" + INPUT + "' must have datatype BYTES (base64-encoded images), got "
                    + in.datatype());
        }
        List<Object> data = new ArrayList<>();
        flatten(in.data(), data);
        if (data.isEmpty()) {
            throw ServingException.badRequest("input '" + INPUT + "' has no data");
        }
        if (in.shape() == null || in.shape().isEmpty()) {
            throw ServingException.badRequest("input '" + INPUT + "' has no shape: send [" + data.size() + "]");
        }
        long elements = 1;
        for (Long d : in.shape()) {
            if (d == null || d < 0) {
                throw ServingException.badRequest("input '" + INPUT + "' has an invalid shape " + in.shape());
            }
            elements *= d;
        }
        if (elements != data.size()) {
            throw ServingException.badRequest("input '" + INPUT + "' has shape " + in.shape() + " (" + elements
                    + " elements) but " + data.size() + " data elements");
        }
        List<byte[]> images = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            images.add(decode(data.get(i), i));
        }
        return images;
    }

    private static void flatten(List<?> data, List<Object> out) {
        if (data == null) {
            return;
        }
        for (Object o : data) {
            if (o instanceof List<?> nested) {
                flatten(nested, out);
            } else {
                out.add(o);
            }
        }
    }

    private static byte[] decode(Object element, int index) {
        if (!(element instanceof String text)) {
            throw ServingException.badRequest("data[" + index + "] of input '" + INPUT
                    + "' must be a base64 string, got " + (element == null ? "null" : element.getClass().getSimpleName()));
        }
        byte[] bytes;
        try {
            bytes = Submissions.base64(text);
        } catch (IllegalArgumentException e) {
            throw ServingException.badRequest("data[" + index + "] of input '" + INPUT + "' is not valid base64: "
                    + e.getMessage());
        }
        if (bytes.length == 0) {
            throw ServingException.badRequest("data[" + index + "] of input '" + INPUT + "' is empty");
        }
        return bytes;
    }

    /** Request parameters as query parameters: scalars as text, lists as repeated values. */
    private static Map<String, List<String>> params(Map<String, Object> parameters) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (parameters == null) {
            return out;
        }
        parameters.forEach((key, value) -> {
            List<String> values = new ArrayList<>();
            for (Object v : value instanceof List<?> l ? l : java.util.Collections.singletonList(value)) {
                if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                    values.add(v.toString());
                } else if (v != null) {
                    throw ServingException.badRequest("parameter '" + key + "' must be a string, number or boolean");
                }
            }
            if (!values.isEmpty()) {
                out.put(key, values);
            }
        });
        return out;
    }

    private String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new ServingException(ServingException.Reason.INTERNAL, "cannot serialize the handler's answer", e);
        }
    }
}
