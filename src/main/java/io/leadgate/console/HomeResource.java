package io.leadgate.console;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** {@code GET /} serves the console: the inbox, or the sign-in page first. */
@Path("/")
public class HomeResource {

    @GET
    @PermitAll
    public Response home() {
        return Response.seeOther(URI.create("/console/inbox")).build();
    }
}
