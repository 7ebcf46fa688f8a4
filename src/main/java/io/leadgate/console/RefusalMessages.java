package io.leadgate.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Why the services refused an action ({@link io.leadgate.pipeline.Refusal}), as the console shows it, in English;
 * Russian in {@code messages/err_ru.properties}. {@link Refusals} picks the text of a refusal.
 */
@MessageBundle("err")
public interface RefusalMessages {

    @Message("A pipeline named “{name}” exists already.")
    String pipeline_name_taken(Object name);

    @Message("The default pipeline cannot be deleted.")
    String pipeline_default_undeletable();

    @Message("Pipeline {pipeline} has deals: only a pipeline that never held a deal can be deleted.")
    String pipeline_has_deals(Object pipeline);

    @Message("Pipeline {pipeline} is used by a tunnel; delete the tunnel first.")
    String pipeline_in_tunnel(Object pipeline);

    @Message("A pipeline keeps between {fewest} and {most} stages, not {count}.")
    String pipeline_stage_count(Object fewest, Object most, Object count);

    @Message("Enter a name.")
    String name_required();

    @Message("The name is longer than {most} characters.")
    String name_too_long(Object most);

    @Message("Stage names must be unique: “{name}” appears twice.")
    String stage_name_twice(Object name);

    @Message("The first stage must be in progress: deals enter the pipeline there.")
    String stage_first_not_in_progress();

    @Message("A pipeline has at most one won stage, not {count}.")
    String stage_won_twice(Object count);

    @Message("The colour must be written #rgb or #rrggbb, not “{color}”.")
    String stage_color_invalid(Object color);

    @Message("Stage “{name}” holds deals ({deals}); only empty stages can be deleted.")
    String stage_holds_deals(Object name, Object deals);

    @Message("Stage “{name}” is used by a tunnel or an automation rule; delete those first.")
    String stage_in_use(Object name);

    @Message("Stage {stage} holds deals; move them before changing what the stage means.")
    String stage_semantics_has_deals(Object stage);

    @Message("This tunnel exists already.")
    String tunnel_exists();

    @Message("Stage {stage} already moves its deals elsewhere; a deal can be moved to one place only.")
    String tunnel_moves_elsewhere(Object stage);

    @Message("This rule would close a loop: {path}.")
    String tunnel_loop(Object path);

    @Message("A tunnel leads into another pipeline; within one pipeline use an automated move.")
    String tunnel_same_pipeline();

    @Message("A tunnel cannot lead into a lost stage: a loss needs a reason from the list.")
    String tunnel_into_lost();

    @Message("Choose whether the tunnel copies or moves the deal.")
    String tunnel_mode();

    @Message("Junk reason {code} is given to leads ({leads}); choose another reason to move them to.")
    String junk_reason_in_use(Object code, Object leads);

    @Message("Loss reason {code} is given to deals ({deals}); choose another reason to move them to.")
    String loss_reason_in_use(Object code, Object deals);

    @Message("Status {code} is given to leads ({leads}); choose another status to move them to.")
    String lead_status_in_use(Object code, Object leads);

    @Message("Status {code} is built in and cannot be deleted; it can be renamed.")
    String lead_status_built_in(Object code);

    @Message("Status {code} is used by automation rules ({rules}); change or delete them first.")
    String lead_status_in_rules(Object code, Object rules);

    @Message("Loss reason {code} is used by automation rules ({rules}); change or delete them first.")
    String loss_reason_in_rules(Object code, Object rules);

    @Message("Choose an entry other than {code} to move to.")
    String move_to_same(Object code);

    @Message("There is no entry {code} to move to.")
    String move_to_unknown(Object code);

    @Message("Moving into a lost stage needs a loss reason, one of {codes}.")
    String loss_reason_required(Object codes);

    @Message("The loss reason must be one of {codes}.")
    String loss_reason_unknown(Object codes);

    @Message("Loss reason {code} exists already.")
    String loss_reason_exists(Object code);

    @Message("Junking a lead needs a reason, one of {codes}.")
    String junk_reason_required(Object codes);

    @Message("The junk reason must be one of {codes}.")
    String junk_reason_unknown(Object codes);

    @Message("Junk reason {code} exists already.")
    String junk_reason_exists(Object code);

    @Message("Status {code} exists already.")
    String lead_status_exists(Object code);

    @Message("Lead {lead} is already converted into deal {deal}.")
    String lead_converted(Object lead, Object deal);

    @Message("Lead {lead} is junk ({reason}).")
    String lead_junk(Object lead, Object reason);

    @Message("Enter a code.")
    String code_required();

    @Message("Enter a time zone such as Europe/Moscow or UTC.")
    String time_zone_invalid();

    @Message("Enter the text of the request.")
    String lead_text_required();

    @Message("The text is longer than {most} characters.")
    String lead_text_too_long(Object most);

    @Message("Enter a name, phone or email.")
    String lead_contact_required();

    @Message("No lead was opened: every phone and email given is on the exclusion list.")
    String lead_all_excluded();

    @Message("The source is longer than {most} characters.")
    String lead_source_too_long(Object most);

    @Message("There is no channel “{channel}”.")
    String lead_channel_unknown(Object channel);

    @Message("Phone {which} is not a phone number.")
    String lead_phone_invalid(Object which);

    @Message("An email is not an address.")
    String lead_email_invalid();

    @Message("Enter the URL.")
    String webhook_url_required();

    @Message("The URL is longer than {most} characters.")
    String webhook_url_too_long(Object most);

    @Message("Enter an absolute http or https URL that names a host.")
    String webhook_url_invalid();

    @Message("Host {host} is a local, private or metadata address: webhooks are not sent there.")
    String webhook_url_local(Object host);

    @Message("Choose at least one event.")
    String webhook_events_required();

    @Message("Unknown event type {event}.")
    String webhook_event_unknown(Object event);

    @Message("Delivery {delivery} is waiting to be sent already.")
    String webhook_delivery_pending(Object delivery);

    @Message("Webhook {webhook} is disabled ({reason}); enable it first.")
    String webhook_disabled(Object webhook, Object reason);

    @Message("The username must be 1 to 200 lower-case letters, digits or . _ @ -")
    String username_invalid();

    @Message("The role must be admin or manager.")
    String user_role_invalid();

    @Message("User {username} exists already.")
    String user_exists(Object username);

    @Message("The display name is longer than {most} characters.")
    String user_display_name_too_long(Object most);

    @Message("The last active admin cannot be deactivated.")
    String user_last_admin();

    @Message("There is no user {username}.")
    String user_not_found(Object username);

    @Message("The password must be {fewest} to {most} characters.")
    String user_password_length(Object fewest, Object most);

    @Message("There is no contact {contact}.")
    String contact_not_found(Object contact);

    @Message("Contact {contact} was merged into {into}.")
    String contact_merged_into(Object contact, Object into);

    @Message("The name is longer than {most} characters.")
    String contact_name_too_long(Object most);

    @Message("The company is longer than {most} characters.")
    String contact_company_too_long(Object most);

    @Message("Enter the text of the note.")
    String note_required();

    @Message("The note is longer than {most} characters.")
    String note_too_long(Object most);

    @Message("A contact cannot be merged into itself.")
    String merge_same_contact();

    @Message("Contact {contact} was merged into another contact.")
    String merge_already_merged(Object contact);

    @Message("The pair {pair} was merged.")
    String merge_pair_merged(Object pair);

    @Message("Contacts {target} and {source} were marked as not the same person.")
    String merge_distinct(Object target, Object source);

    @Message("Merge {merge} was undone already.")
    String merge_undone_already(Object merge);

    @Message("Contact {contact} was merged again since; undo that merge first.")
    String merge_merged_again(Object contact);

    @Message("Some {what} of this merge were moved or erased since: the merge cannot be undone.")
    String merge_rows_moved(Object what);
}
