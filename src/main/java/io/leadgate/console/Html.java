package io.leadgate.console;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Locale;

/** Renders a checked template in the page's language into an HTML answer. */
public final class Html {

    public static final String TYPE = MediaType.TEXT_HTML + ";charset=UTF-8";

    private Html() {
    }

    public static String render(TemplateInstance template, Locale locale) {
        return template.setLocale(locale).render();
    }

    public static Response ok(TemplateInstance template, Page page) {
        return Response.ok(render(template, page.locale()), TYPE).build();
    }

    /** A fragment answer that htmx must not swap into its target (only its out-of-band parts apply). */
    public static Response noSwap(TemplateInstance template, Page page) {
        return Response.ok(render(template, page.locale()), TYPE).header("HX-Reswap", "none").build();
    }

    /** Tells htmx to load another page. */
    public static Response redirect(String location) {
        return Response.ok().header("HX-Redirect", location).build();
    }
}
