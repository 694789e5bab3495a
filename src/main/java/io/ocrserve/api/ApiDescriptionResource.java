package io.ocrserve.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * TorchServe's API description: {@code OPTIONS /} on every port and {@code GET /api-description} on the
 * inference port return the OpenAPI document of that port (the full document is at {@code /openapi}).
 */
@Path("/")
@Tag(name = "description", description = "OpenAPI documents")
public class ApiDescriptionResource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile ObjectNode fullDocument;

    @Inject
    HttpListeners listeners;

    @OPTIONS
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "apiDescriptionOptions", summary = "The OpenAPI document of this port")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)))
    public ObjectNode options(@Context HttpServerRequest request) {
        return forPort(listeners.isManagement(request));
    }

    @GET
    @Path("api-description")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "apiDescription", summary = "The OpenAPI document of the inference port")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)))
    public ObjectNode apiDescription() {
        return forPort(false);
    }

    static ObjectNode forPort(boolean management) {
        ObjectNode doc = full().deepCopy();
        ObjectNode paths = (ObjectNode) doc.get("paths");
        if (paths != null) {
            var names = new java.util.ArrayList<String>();
            paths.fieldNames().forEachRemaining(names::add);
            for (String p : names) {
                boolean keep = management ? !PortRoutes.isInferencePath(p) : !PortRoutes.isManagementPath(p);
                if (!keep) {
                    paths.remove(p);
                }
            }
        }
        ((ObjectNode) doc.with("info")).put("title", "ocrserve " + (management ? "management" : "inference") + " API");
        return doc;
    }

    private static ObjectNode full() {
        if (fullDocument == null) {
            try (InputStream in = ApiDescriptionResource.class.getClassLoader()
                    .getResourceAsStream("META-INF/quarkus-generated-openapi-doc.JSON")) {
                if (in == null) {
                    throw new IllegalStateException("the OpenAPI document was not generated at build time");
                }
                fullDocument = (ObjectNode) JSON.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return fullDocument;
    }
}
