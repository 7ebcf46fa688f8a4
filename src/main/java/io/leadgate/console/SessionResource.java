package io.leadgate.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * Sign-in page (the form posts to {@code /j_security_check}, handled by Quarkus form authentication), sign-out,
 * the language switch.
 */
@Path("/console")
@Produces(Html.TYPE)
public class SessionResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(Page page, boolean error);
    }

    private final Pages pages;
    private final SecurityIdentity identity;

    SessionResource(Pages pages, SecurityIdentity identity) {
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    public Response console() {
        return Response.seeOther(URI.create("/console/inbox")).build();
    }

    @GET
    @Path("login")
    @PermitAll
    public Response login(@QueryParam("error") boolean error) {
        Page page = pages.page("login");
        return Html.ok(Templates.login(page, error), page);
    }

    /** Ends the session in this browser: Quarkus removes the cookie (it is stateless, so nothing else holds it). */
    @POST
    @Path("logout")
    @Authenticated
    public Response logout() {
        FormAuthenticationMechanism.logout(identity);
        return Response.ok().header("HX-Redirect", "/console/login").build();
    }

    /** Switches the language and goes back to the page it was chosen on. */
    @GET
    @Path("lang")
    @PermitAll
    public Response language(@QueryParam("to") String to, @QueryParam("back") String back) {
        String lang = Languages.RU.equals(to) ? Languages.RU : Languages.EN;
        String target = back != null && back.matches("/console(/[A-Za-z0-9/_-]*)?") ? back : "/console/inbox";
        NewCookie cookie = new NewCookie.Builder(Languages.COOKIE).value(lang).path("/").maxAge(365 * 24 * 3600)
                .sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(URI.create(target)).cookie(cookie).build();
    }
}
