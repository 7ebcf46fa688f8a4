package io.leadgate.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/** A refused API request: status plus {@code {"error": "…"}}. */
public class ApiError extends WebApplicationException {

    public ApiError(int status, String message) {
        super(message, Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build());
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, message);
    }
}
