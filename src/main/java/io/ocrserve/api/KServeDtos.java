package io.ocrserve.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the KServe v2 / Open Inference Protocol (its field and schema names). */
final class KServeDtos {
    private KServeDtos() {}

    @Schema(name = "ServerMetadataResponse")
    record ServerMetadata(@Schema(examples = "ocrserve") String name, @Schema(examples = "0.1.0") String version,
            @Schema(description = "protocol extensions this server supports") List<String> extensions) {}

    @Schema(name = "ServerLiveResponse")
    record Live(boolean live) {}

    @Schema(name = "ServerReadyResponse", description = "Ready once the startup models are loaded and every default "
            + "version has its workers (the rule of GET /ping)")
    record Ready(boolean ready) {}

    @Schema(name = "MetadataTensor")
    record TensorMetadata(@Schema(examples = "image") String name, @Schema(examples = "BYTES") String datatype,
            @Schema(description = "-1 = any size") List<Long> shape) {}

    @Schema(name = "ModelMetadataResponse")
    record ModelMetadata(String name, @Schema(description = "every registered version") List<String> versions,
            @Schema(examples = "ocrserve_textdet", description = "ocrserve_<task>") String platform,
            List<TensorMetadata> inputs, List<TensorMetadata> outputs) {}

    @Schema(name = "ModelReadyResponse")
    record ModelReady(String name, boolean ready) {}

    @Schema(name = "InferenceRequest")
    record InferenceRequest(@Schema(description = "echoed in the response; the x-request-id when absent") String id,
            @Schema(description = "passed to the handler as its query parameters (e.g. details, visualize, "
                    + "min_text_score)", type = SchemaType.OBJECT) Map<String, Object> parameters,
            @Schema(required = true, description = "exactly one input, 'image'") List<RequestInput> inputs,
            @Schema(description = "optional; only 'result' exists") List<RequestOutput> outputs) {}

    @Schema(name = "RequestInput")
    record RequestInput(@Schema(required = true, examples = "image") String name,
            @Schema(required = true, description = "[N] for N images") List<Long> shape,
            @Schema(required = true, examples = "BYTES") String datatype,
            @Schema(type = SchemaType.OBJECT) Map<String, Object> parameters,
            @Schema(required = true, description = "N base64-encoded images", type = SchemaType.ARRAY,
                    implementation = String.class) List<Object> data) {}

    @Schema(name = "RequestOutput")
    record RequestOutput(@Schema(examples = "result") String name,
            @Schema(type = SchemaType.OBJECT) Map<String, Object> parameters) {}

    @Schema(name = "InferenceResponse")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InferenceResponse(String model_name, String model_version, String id, List<ResponseOutput> outputs) {}

    @Schema(name = "ResponseOutput")
    record ResponseOutput(@Schema(examples = "result") String name, List<Long> shape,
            @Schema(examples = "BYTES") String datatype,
            @Schema(description = "content_type: application/json (data = the handler's JSON as text) or image/png "
                    + "(data = base64 PNG, with visualize=true)") Map<String, String> parameters,
            @Schema(description = "one answer per input image") List<String> data) {}
}
