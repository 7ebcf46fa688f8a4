package io.leadgate.console.users;

import io.leadgate.console.Common;
import io.leadgate.console.Html;
import io.leadgate.console.Page;
import io.leadgate.console.Pages;
import io.leadgate.console.Refusals;
import io.leadgate.people.Role;
import io.leadgate.people.UserException;
import io.leadgate.people.UserService;
import io.leadgate.people.UserView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.function.Supplier;

/** Administrators only: the users, create one, deactivate or re-activate, set a new password. */
@Path("/console/users")
@RolesAllowed(Role.ADMIN_ROLE)
@Produces(Html.TYPE)
public class UsersResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(Page page, List<UserView> users);

        static native TemplateInstance list(Page page, List<UserView> users);
    }

    private final UserService users;
    private final Pages pages;

    UsersResource(UserService users, Pages pages) {
        this.users = users;
        this.pages = pages;
    }

    @GET
    public Response page() {
        Page page = pages.page("users");
        return Html.ok(Templates.users(page, users.list()), page);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("username") String username, @FormParam("displayName") String displayName,
                           @FormParam("role") String role, @FormParam("password") String password) {
        return change(() -> users.create(new UserService.NewUser(username, displayName, role, password), pages.actor()), "user_created");
    }

    @POST
    @Path("{username}/active")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response active(@PathParam("username") String username, @FormParam("active") boolean active) {
        return change(() -> users.setActive(username, active, pages.actor()), "user_changed");
    }

    @POST
    @Path("{username}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response password(@PathParam("username") String username, @FormParam("password") String password) {
        return change(() -> users.resetPassword(username, password, pages.actor()), "user_changed");
    }

    private Response change(Supplier<UserView> action, String done) {
        Page page = pages.page("users");
        try {
            action.get();
        } catch (UserException e) {
            return Html.noSwap(Common.flash(page, Refusals.text(e, page.locale()), true), page);
        }
        String html = Html.render(Templates.list(page, users.list()), page.locale());
        return Response.ok(html, Html.TYPE).build();
    }
}
