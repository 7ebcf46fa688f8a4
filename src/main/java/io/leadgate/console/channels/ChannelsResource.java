package io.leadgate.console.channels;

import io.leadgate.console.Html;
import io.leadgate.console.Page;
import io.leadgate.console.Pages;
import io.leadgate.intake.Outcome;
import io.leadgate.intake.ReplayService;
import io.leadgate.people.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * Administrators only: are the channels alive (state, hook URL, last inquiry, inquiries per day, verification
 * failures, mailbox polling), and the parked envelopes with a replay ({@link ReplayService}, as the API's).
 */
@Path("/console/channels")
@RolesAllowed(Role.ADMIN_ROLE)
@Produces(Html.TYPE)
public class ChannelsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance channels(Page page, List<ChannelsQuery.Line> channels,
                                                List<ChannelsQuery.Parked> parked);

        /** The parked list after a replay, with the flash ({@code done} the envelope id, or an error). */
        static native TemplateInstance replayed(Page page, List<ChannelsQuery.Parked> parked, String done, String error);
    }

    private final ChannelsQuery query;
    private final ReplayService replays;
    private final Pages pages;

    ChannelsResource(ChannelsQuery query, ReplayService replays, Pages pages) {
        this.query = query;
        this.replays = replays;
        this.pages = pages;
    }

    @GET
    public Response page(@Context HttpServerRequest request) {
        Page page = pages.page("channels");
        String base = request.scheme() + "://" + request.host();
        return Html.ok(Templates.channels(page, query.channels(base, page.zone(), page.locale()), query.parked()), page);
    }

    @POST
    @Path("envelopes/{id}/replay")
    public Response replay(@PathParam("id") long id) {
        Page page = pages.page("channels");
        String error = null;
        try {
            error = failure(replays.replay(id, false, pages.actor()));
        } catch (ReplayService.NotReplayableException e) {
            if (e.reason() == ReplayService.NotReplayableException.Reason.NOT_FOUND) {
                throw new NotFoundException();
            }
            error = e.getMessage();
        }
        return Html.ok(Templates.replayed(page, query.parked(), error == null ? String.valueOf(id) : null, error), page);
    }

    /** Why a replay did not go through, as the API says it; null when it did. */
    private static String failure(Outcome outcome) {
        if (outcome instanceof Outcome.Written) {
            return null;
        }
        if (outcome instanceof Outcome.Unparseable unparseable) {
            return "still cannot be parsed: " + unparseable.reason();
        }
        if (outcome instanceof Outcome.KeptForReplay kept) {
            return "processing failed again; the envelope stays parked: " + kept.cause();
        }
        if (outcome instanceof Outcome.Rejected rejected) {
            return rejected.message();
        }
        return "storage unavailable; retry later";
    }
}
