package io.leadgate.api;

import io.leadgate.people.UserException;
import io.leadgate.people.UserService;
import io.leadgate.people.UserView;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Map;

/** Console users for administrators: create, deactivate, re-activate, reset a password (admin API key for changes). */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "people")
public class UserResource {

    public record PasswordBody(String password) {
    }

    private final UserService users;

    UserResource(UserService users) {
        this.users = users;
    }

    @GET
    public List<UserView> list() {
        return users.list();
    }

    /** {@code {username, displayName?, role?: admin|manager, password}} → 201 with the user. */
    @POST
    public Response create(UserService.NewUser body) {
        if (body == null) {
            throw ApiError.badRequest("a JSON object {username, password} is required");
        }
        return Response.status(201).entity(users.create(body)).build();
    }

    @POST
    @Path("{username}/deactivate")
    @Consumes(MediaType.WILDCARD)
    public UserView deactivate(@PathParam("username") String username) {
        return users.setActive(username, false);
    }

    @POST
    @Path("{username}/activate")
    @Consumes(MediaType.WILDCARD)
    public UserView activate(@PathParam("username") String username) {
        return users.setActive(username, true);
    }

    /** {@code {password}}: a new password; also lifts a lock-out. */
    @POST
    @Path("{username}/password")
    public UserView reset(@PathParam("username") String username, PasswordBody body) {
        return users.resetPassword(username, body == null ? null : body.password());
    }

    @ServerExceptionMapper
    public Response map(UserException e) {
        int status = switch (e.reason()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
        };
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", e.getMessage())).build();
    }
}
