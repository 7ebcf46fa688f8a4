package io.leadgate.api;

import io.leadgate.pipeline.PipelineException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/** Refused pipeline operations as {@code {"error": …}}: invalid 400, conflict 409, not found 404. */
public class PipelineErrors {

    @ServerExceptionMapper
    public Response map(PipelineException e) {
        int status = switch (e.reason()) {
            case INVALID -> 400;
            case CONFLICT -> 409;
            case NOT_FOUND -> 404;
        };
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", e.getMessage())).build();
    }

    /** Who acts: the {@code X-Actor} header, else the body's {@code actor}, else "api". */
    static String actor(String header, String body) {
        String a = header != null && !header.isBlank() ? header : body;
        if (a == null || a.isBlank()) {
            return "api";
        }
        a = a.strip();
        return a.length() > 200 ? a.substring(0, 200) : a;
    }
}
