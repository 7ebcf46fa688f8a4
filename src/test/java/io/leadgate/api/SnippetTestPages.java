package io.leadgate.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/**
 * Test-only pages of a "website" for the snippet's browser test. Opened on {@code 127.0.0.1}, they load
 * {@code /leadgate.js} from {@code localhost}: the form is posted cross-origin, as on a real site.
 */
@Path("/snippet-test")
public class SnippetTestPages {

    @GET
    @Path("landing")
    @Produces(MediaType.TEXT_HTML)
    public String landing(@Context UriInfo uri) {
        return page(uri, "<h1>Spring offer</h1>"
                + "<a id=\"next\" href=\"/snippet-test/form?utm_source=second&utm_medium=email&utm_campaign=newsletter\">"
                + "Contact us</a>");
    }

    @GET
    @Path("form")
    @Produces(MediaType.TEXT_HTML)
    public String form(@Context UriInfo uri) {
        String gateway = gateway(uri);
        return page(uri, "<form data-leadgate=\"snippet\" action=\"" + gateway + "/hooks/snippet\" method=\"post\">"
                + "<input name=\"name\"> <input name=\"phone\" type=\"tel\"> <textarea name=\"message\"></textarea>"
                + "<button type=\"submit\">Send</button><p data-leadgate-message></p></form>");
    }

    private static String page(UriInfo uri, String body) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Test site</title>"
                + "<script src=\"" + gateway(uri) + "/leadgate.js\" defer></script></head><body>" + body + "</body></html>";
    }

    /** The gateway as a site embeds it: the same server under another origin (localhost instead of 127.0.0.1). */
    private static String gateway(UriInfo uri) {
        return "http://localhost:" + uri.getBaseUri().getPort();
    }
}
