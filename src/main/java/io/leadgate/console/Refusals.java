package io.leadgate.console;

import io.leadgate.contact.ContactRefusal;
import io.leadgate.people.UserException;
import io.leadgate.pipeline.Refusal;
import io.leadgate.refusal.RefusedException;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import java.util.List;
import java.util.Locale;

/**
 * A refused action in the user's language: the code of a service's {@link RefusedException} ({@link Refusal},
 * {@link ContactRefusal} below the pipeline, {@link UserException.Refusal} for users) and its arguments become a text
 * of {@link RefusalMessages}. A refusal without a code of
 * its own ({@code OTHER}) shows the service's English message. The REST API never comes here: it keeps the English
 * message.
 */
public final class Refusals {

    private Refusals() {
    }

    /**
     * The text to show the user for any refusal of a service (pipelines, lists, manual leads, webhooks, users,
     * merges, contact edits): its code's text, or the English message for a code without one.
     */
    public static String text(RefusedException e, Locale locale) {
        Enum<?> code = e.refusal();
        if (code instanceof Refusal r) {
            return text(r, e.args(), e.getMessage(), locale);
        }
        if (code instanceof ContactRefusal r) {
            return text(r, e.args(), e.getMessage(), locale);
        }
        if (code instanceof UserException.Refusal r) {
            return text(r, e.args(), e.getMessage(), locale);
        }
        return e.getMessage();
    }

    private static String text(UserException.Refusal refusal, List<Object> a, String english, Locale locale) {
        RefusalMessages m = messages(locale);
        return switch (refusal) {
            case OTHER -> english;
            case USERNAME_INVALID -> m.username_invalid();
            case USER_ROLE_INVALID -> m.user_role_invalid();
            case USER_EXISTS -> m.user_exists(a.get(0));
            case USER_DISPLAY_NAME_TOO_LONG -> m.user_display_name_too_long(a.get(0));
            case USER_LAST_ADMIN -> m.user_last_admin();
            case USER_NOT_FOUND -> m.user_not_found(a.get(0));
            case USER_PASSWORD_LENGTH -> m.user_password_length(a.get(0), a.get(1));
        };
    }

    private static RefusalMessages messages(Locale locale) {
        return Languages.RU.equals(locale.getLanguage())
                ? MessageBundles.get(RefusalMessages.class, Localized.Literal.of(Languages.RU))
                : MessageBundles.get(RefusalMessages.class);
    }

    private static String text(ContactRefusal refusal, List<Object> a, String english, Locale locale) {
        RefusalMessages m = messages(locale);
        return switch (refusal) {
            case OTHER -> english;
            case CONTACT_NOT_FOUND -> m.contact_not_found(a.get(0));
            case CONTACT_MERGED_INTO -> m.contact_merged_into(a.get(0), a.get(1));
            case CONTACT_NAME_TOO_LONG -> m.contact_name_too_long(a.get(0));
            case CONTACT_COMPANY_TOO_LONG -> m.contact_company_too_long(a.get(0));
            case NOTE_REQUIRED -> m.note_required();
            case NOTE_TOO_LONG -> m.note_too_long(a.get(0));
            case MERGE_SAME_CONTACT -> m.merge_same_contact();
            case MERGE_ALREADY_MERGED -> m.merge_already_merged(a.get(0));
            case MERGE_PAIR_MERGED -> m.merge_pair_merged(a.get(0));
            case MERGE_DISTINCT -> m.merge_distinct(a.get(0), a.get(1));
            case MERGE_UNDONE_ALREADY -> m.merge_undone_already(a.get(0));
            case MERGE_MERGED_AGAIN -> m.merge_merged_again(a.get(0));
            case MERGE_ROWS_MOVED -> m.merge_rows_moved(a.get(0));
        };
    }

    private static String text(Refusal refusal, List<Object> a, String english, Locale locale) {
        RefusalMessages m = messages(locale);
        return switch (refusal) {
            case OTHER -> english;
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
            case LOSS_REASON_IN_RULES -> m.loss_reason_in_rules(a.get(0), a.get(1));
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
            case LEAD_TEXT_REQUIRED -> m.lead_text_required();
            case LEAD_TEXT_TOO_LONG -> m.lead_text_too_long(a.get(0));
            case LEAD_CONTACT_REQUIRED -> m.lead_contact_required();
            case LEAD_ALL_EXCLUDED -> m.lead_all_excluded();
            case LEAD_SOURCE_TOO_LONG -> m.lead_source_too_long(a.get(0));
            case LEAD_CHANNEL_UNKNOWN -> m.lead_channel_unknown(a.get(0));
            case LEAD_PHONE_INVALID -> m.lead_phone_invalid(a.get(0));
            case LEAD_EMAIL_INVALID -> m.lead_email_invalid();
            case WEBHOOK_URL_REQUIRED -> m.webhook_url_required();
            case WEBHOOK_URL_TOO_LONG -> m.webhook_url_too_long(a.get(0));
            case WEBHOOK_URL_INVALID -> m.webhook_url_invalid();
            case WEBHOOK_URL_LOCAL -> m.webhook_url_local(a.get(0));
            case WEBHOOK_EVENTS_REQUIRED -> m.webhook_events_required();
            case WEBHOOK_EVENT_UNKNOWN -> m.webhook_event_unknown(a.get(0));
            case WEBHOOK_DELIVERY_PENDING -> m.webhook_delivery_pending(a.get(0));
            case WEBHOOK_DISABLED -> m.webhook_disabled(a.get(0), a.get(1));
        };
    }
}
