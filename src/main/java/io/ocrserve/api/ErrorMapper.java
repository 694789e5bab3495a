package io.ocrserve.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ocrserve.ocr.InvalidInputException;
import io.ocrserve.serving.ServingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every exception to TorchServe's {@code {"code", "type", "message"}} body. */
public class ErrorMapper {
    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);

    @ServerExceptionMapper
    public Response serving(ServingException e) {
        int status = switch (e.reason()) {
            case BAD_REQUEST -> 400;
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case QUEUE_FULL, NO_WORKERS -> 503;
            case TIMEOUT -> 408;
            case OUT_OF_MEMORY -> 507;
            case INTERNAL -> 500;
        };
        String type = switch (e.reason()) {
            case BAD_REQUEST -> "BadRequestException";
            case NOT_FOUND -> "ModelNotFoundException";
            case FORBIDDEN -> "InvalidModelVersionException";
            case CONFLICT -> "ConflictStatusException";
            case TOO_LARGE -> "RequestEntityTooLargeException";
            case QUEUE_FULL -> "ServiceUnavailableException";
            case NO_WORKERS -> "ServiceUnavailableException";
            case TIMEOUT -> "RequestTimeoutException";
            case OUT_OF_MEMORY -> "OutOfMemoryException";
            case INTERNAL -> "InternalServerException";
        };
        if (status >= 500 && status != 503) {
            LOG.error("request failed: " + e.getMessage(), e.getCause() != null ? e.getCause() : e);
        }
        Response.ResponseBuilder builder = error(status, type, e.getMessage());
        if (status == 503) {
            builder.header("Retry-After", "1");
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response job(io.ocrserve.jobs.JobException e) {
        return switch (e.kind()) {
            case BAD_REQUEST -> error(400, "BadRequestException", e.getMessage()).build();
            case NOT_FOUND -> error(404, "JobNotFoundException", e.getMessage()).build();
            case CONFLICT -> error(409, "ConflictStatusException", e.getMessage()).build();
        };
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e) {
        return error(400, "BadRequestException", e.getMessage()).build();
    }

    @ServerExceptionMapper
    public Response badArgument(IllegalArgumentException e) {
        return error(400, "BadRequestException", e.getMessage()).build();
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e) {
        return error(400, "BadRequestException", "malformed JSON: " + e.getOriginalMessage()).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String type = switch (status) {
            case 404 -> "NotFoundException";
            case 405 -> "MethodNotAllowedException";
            case 406 -> "NotAcceptableException";
            case 413 -> "RequestEntityTooLargeException";
            case 415 -> "UnsupportedMediaTypeException";
            default -> status < 500 ? "BadRequestException" : "InternalServerException";
        };
        String message = switch (status) {
            case 404 -> "Requested resource is not found, please refer to API document.";
            case 405 -> "Requested method is not allowed, please refer to API document.";
            default -> e.getMessage();
        };
        Response.ResponseBuilder builder = error(status, type, message);
        Object allow = e.getResponse().getHeaders().getFirst("Allow");
        if (allow != null) {
            builder.header("Allow", allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return error(507, "OutOfMemoryException", "out of memory while serving the request").build();
        }
        LOG.error("unexpected error", e);
        return error(500, "InternalServerException", e.toString()).build();
    }

    static Response.ResponseBuilder error(int status, String type, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(status, type, message));
    }
}
