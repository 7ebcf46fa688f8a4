package io.leadgate.console.board;

import io.leadgate.console.Common;
import io.leadgate.console.Html;
import io.leadgate.console.Page;
import io.leadgate.console.Pages;
import io.leadgate.console.Refusals;
import io.leadgate.people.Role;
import io.leadgate.pipeline.DealService;
import io.leadgate.pipeline.PipelineException;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The pipeline board: a column per stage, deal cards dragged between them (or moved with the card's menu). A move
 * goes through {@link DealService#move}, exactly as {@code POST /api/deals/{id}/move}: tunnels and automation fire,
 * a refused move is shown with its reason and the card stays.
 */
@Path("/console")
@RolesAllowed({Role.ADMIN_ROLE, Role.MANAGER_ROLE})
@Produces(Html.TYPE)
public class BoardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance board(Page page, BoardView board);

        static native TemplateInstance columns(Page page, BoardView board);
    }

    private final BoardQuery boards;
    private final DealService deals;
    private final Pages pages;

    BoardResource(BoardQuery boards, DealService deals, Pages pages) {
        this.boards = boards;
        this.deals = deals;
        this.pages = pages;
    }

    @GET
    @Path("board")
    public Response board(@QueryParam("pipeline") String pipeline, @QueryParam("mine") boolean mine) {
        Page page = pages.page("board");
        try {
            return Html.ok(Templates.board(page, boards.board(pipeline, mine ? pages.actor() : null)), page);
        } catch (PipelineException e) {
            throw new jakarta.ws.rs.NotFoundException();
        }
    }

    /** Moves a deal into a stage; answers the board again (the card where the move left it) and a message. */
    @POST
    @Path("deals/{id}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("id") long id, @FormParam("stageId") String stageId,
                         @FormParam("lossReason") String lossReason, @FormParam("pipeline") String pipeline,
                         @FormParam("mine") boolean mine) {
        Page page = pages.page("board");
        String error = null;
        try {
            deals.move(id, stageId, lossReason, pages.actor());
        } catch (PipelineException e) {
            error = Refusals.text(e, page.locale());
        }
        BoardView board = boards.board(pipeline, mine ? pages.actor() : null);
        String html = Html.render(Templates.columns(page, board), page.locale())
                + Html.render(Common.flash(page, error, error != null), page.locale());
        return Response.ok(html, Html.TYPE).build();
    }
}
