package io.leadgate.console;

import io.leadgate.pipeline.PipelineException;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import java.util.List;
import java.util.Locale;

/**
 * A refused action in the user's language: the {@link io.leadgate.pipeline.Refusal} code of a
 * {@link PipelineException} and its arguments become a text of {@link RefusalMessages}. A refusal without a code of
 * its own ({@code OTHER}) shows the service's English message. The REST API never comes here: it keeps the English
 * message.
 */
public final class Refusals {

    private Refusals() {
    }

    /** The text to show the user for a refusal. */
    public static String text(PipelineException e, Locale locale) {
        List<Object> a = e.args();
        RefusalMessages m = Languages.RU.equals(locale.getLanguage())
                ? MessageBundles.get(RefusalMessages.class, Localized.Literal.of(Languages.RU))
                : MessageBundles.get(RefusalMessages.class);
        return switch (e.refusal()) {
            case OTHER -> e.getMessage();
            case PIPELINE_NAME_TAKEN -> m.pipeline_name_taken(a.get(0));
            case PIPELINE_DEFAULT_UNDELETABLE -> m.pipeline_default_undeletable();
            case PIPELINE_HAS_DEALS -> m.pipeline_has_deals(a.get(0));
            case PIPELINE_IN_TUNNEL -> m.pipeline_in_tunnel(a.get(0));
            case PIPELINE_STAGE_COUNT -> m.pipeline_stage_count(a.get(0), a.get(1), a.get(2));
            case NAME_REQUIRED -> m.name_required();
            case NAME_TOO_LONG -> m.name_too_long(a.get(0));
            case STAGE_NAME_TWICE -> m.stage_name_twice(a.get(0));
            case STAGE_FIRST_NOT_IN_PROGRESS -> m.stage_first_not_in_progress();
            case STAGE_WON_TWICE -> m.stage_won_twice(a.get(0));
            case STAGE_COLOR_INVALID -> m.stage_color_invalid(a.get(0));
            case STAGE_HOLDS_DEALS -> m.stage_holds_deals(a.get(0), a.get(1));
            case STAGE_IN_USE -> m.stage_in_use(a.get(0));
            case STAGE_SEMANTICS_HAS_DEALS -> m.stage_semantics_has_deals(a.get(0));
            case TUNNEL_EXISTS -> m.tunnel_exists();
            case TUNNEL_MOVES_ELSEWHERE -> m.tunnel_moves_elsewhere(a.get(0));
            case TUNNEL_LOOP -> m.tunnel_loop(a.get(0));
            case TUNNEL_SAME_PIPELINE -> m.tunnel_same_pipeline();
            case TUNNEL_INTO_LOST -> m.tunnel_into_lost();
            case TUNNEL_MODE -> m.tunnel_mode();
            case JUNK_REASON_IN_USE -> m.junk_reason_in_use(a.get(0), a.get(1));
            case LOSS_REASON_IN_USE -> m.loss_reason_in_use(a.get(0), a.get(1));
            case LEAD_STATUS_IN_USE -> m.lead_status_in_use(a.get(0), a.get(1));
            case LEAD_STATUS_BUILT_IN -> m.lead_status_built_in(a.get(0));
            case LEAD_STATUS_IN_RULES -> m.lead_status_in_rules(a.get(0), a.get(1));
            case MOVE_TO_SAME -> m.move_to_same(a.get(0));
            case MOVE_TO_UNKNOWN -> m.move_to_unknown(a.get(0));
            case LOSS_REASON_REQUIRED -> m.loss_reason_required(a.get(0));
            case LOSS_REASON_UNKNOWN -> m.loss_reason_unknown(a.get(0));
            case LOSS_REASON_EXISTS -> m.loss_reason_exists(a.get(0));
            case JUNK_REASON_REQUIRED -> m.junk_reason_required(a.get(0));
            case JUNK_REASON_UNKNOWN -> m.junk_reason_unknown(a.get(0));
            case JUNK_REASON_EXISTS -> m.junk_reason_exists(a.get(0));
            case LEAD_STATUS_EXISTS -> m.lead_status_exists(a.get(0));
            case LEAD_CONVERTED -> m.lead_converted(a.get(0), a.get(1));
            case LEAD_JUNK -> m.lead_junk(a.get(0), a.get(1));
            case CODE_REQUIRED -> m.code_required();
            case TIME_ZONE_INVALID -> m.time_zone_invalid();
        };
    }
}
