package io.leadgate.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the settings pages ({@code set:} in templates), in English; Russian in
 * {@code messages/set_ru.properties}.
 */
@MessageBundle("set")
public interface SettingsMessages {

    @Message("Action")
    String action();

    @Message("Add a task")
    String action_add_task();

    @Message("Emit an event")
    String action_emit_event();

    @Message("Move to a stage")
    String action_move();

    @Message("Set a field")
    String action_set_field();

    @Message("Set the manager")
    String action_set_responsible();

    @Message("Call a webhook")
    String action_webhook();

    @Message("Add")
    String add();

    @Message("Add an automation rule")
    String add_rule();

    @Message("Add a stage")
    String add_stage();

    @Message("A new stage goes before the first won or lost stage; drag it where it belongs.")
    String add_stage_hint();

    @Message("Add the tunnel")
    String add_tunnel();

    @Message("after")
    String after();

    @Message("Automation rule added.")
    String automation_added();

    @Message("Automation rule deleted.")
    String automation_deleted();

    @Message("built in")
    String builtin();

    @Message("Code")
    String code();

    @Message("Colour")
    String colour();

    @Message("converted")
    String converted();

    @Message("{count} deals")
    String deals(long count);

    @Message("default")
    String is_default();

    @Message("Delay (PT1H or seconds)")
    String delay();

    @Message("Delete")
    String delete();

    @Message("Delete the pipeline")
    String delete_pipeline();

    @Message("Move down")
    String down();

    @Message("Drag to reorder")
    String drag();

    @Message("Drag a stage by its handle to reorder, or use the arrows. Only stages without deals can be deleted.")
    String drag_hint();

    @Message("Added.")
    String entry_added();

    @Message("Deleted.")
    String entry_deleted();

    @Message("Renamed.")
    String entry_renamed();

    @Message("Built in: can be renamed, not deleted")
    String builtin_kept();

    @Message("Move its leads or deals to")
    String move_to();

    @Message("An entry still in use is deleted only when you choose where its leads or deals move to.")
    String move_to_hint();

    @Message("delete only if unused")
    String move_to_none();

    @Message("move them to {name}")
    String move_to_entry(String name);

    @Message("Event type")
    String event_type();

    @Message("Field")
    String field();

    @Message("When a deal enters")
    String from();

    @Message("in progress")
    String in_progress();

    @Message("Into")
    String into();

    @Message("junk")
    String junk();

    @Message("Junk reasons")
    String junk_reasons();

    @Message("Offered when a lead is marked junk.")
    String junk_reasons_hint();

    @Message("reminder")
    String kind_reminder();

    @Message("task")
    String kind_task();

    @Message("Lead statuses")
    String lead_statuses();

    @Message("Each status carries one meaning: in progress, converted or junk.")
    String lead_statuses_hint();

    @Message("Loss reasons")
    String loss_reasons();

    @Message("Asked for when a deal moves into a lost stage.")
    String loss_reasons_hint();

    @Message("lost")
    String lost();

    @Message("Then")
    String mode();

    @Message("copy it (linked)")
    String mode_copy();

    @Message("move it")
    String mode_move();

    @Message("Name")
    String name();

    @Message("Settings")
    String nav_label();

    @Message("Reasons and statuses")
    String nav_lists();

    @Message("Analytics")
    String nav_analytics();

    @Message("Save")
    String save();

    @Message("Analytics time zone")
    String time_zone();

    @Message("Days, weeks and months of the analytics pages and API are counted in this zone (a request's tz still"
            + " wins). Leave empty to use the configured one.")
    String time_zone_hint();

    @Message("In force")
    String time_zone_now();

    @Message("set here")
    String time_zone_stored();

    @Message("from the configuration")
    String time_zone_configured();

    @Message("Configured zone (leadgate.analytics.time-zone): {zone}")
    String time_zone_fallback(String zone);

    @Message("Time zone saved.")
    String time_zone_saved();

    @Message("\"{zone}\" is not a time zone: write a region such as Europe/Moscow, or UTC. Nothing was changed.")
    String time_zone_invalid(String zone);

    @Message("Pipelines")
    String nav_pipelines();

    @Message("Settings")
    String nav_settings();

    @Message("New pipeline")
    String new_pipeline();

    @Message("It starts with the stages of the default template; rename, add or delete them afterwards.")
    String new_pipeline_hint();

    @Message("Pipeline")
    String pipeline();

    @Message("Pipeline renamed.")
    String pipeline_renamed();

    @Message("Pipelines")
    String pipelines();

    @Message("Rename")
    String rename();

    @Message("Manager (username)")
    String responsible();

    @Message("the pipeline's next manager in turn")
    String round_robin();

    @Message("Signing secret (optional)")
    String secret();

    @Message("Meaning")
    String semantics();

    @Message("Stage added.")
    String stage_added();

    @Message("Pipelines work best with {fewest}–{most} stages: fewer hide where deals stall, more make the board hard to read.")
    String stage_advice(int fewest, int most);

    @Message("Stage deleted.")
    String stage_deleted();

    @Message("Stage saved.")
    String stage_saved();

    @Message("Stages")
    String stages();

    @Message("Stages reordered.")
    String stages_reordered();

    @Message("Target stage")
    String target_stage();

    @Message("Due after (PT2H)")
    String task_due();

    @Message("Kind")
    String task_kind();

    @Message("Title")
    String task_title();

    @Message("Then into")
    String to();

    @Message("Tunnel added.")
    String tunnel_added();

    @Message("Tunnel deleted.")
    String tunnel_deleted();

    @Message("Tunnels")
    String tunnels();

    @Message("When a deal enters a stage of this pipeline, copy it (linked) or move it into a stage of another pipeline. A rule that would close a loop is refused with the loop it would make.")
    String tunnels_hint();

    @Message("A tunnel leads into another pipeline: create a second pipeline first.")
    String tunnels_no_target();

    @Message("No tunnels from or into this pipeline.")
    String tunnels_none();

    @Message("Move up")
    String up();

    @Message("Value (blank clears)")
    String value();

    @Message("When a deal enters")
    String when_enters();

    @Message("won")
    String won();

    @Message("Pipeline created")
    String change_pipeline_created();

    @Message("Pipeline changed")
    String change_pipeline_updated();

    @Message("Pipeline deleted")
    String change_pipeline_deleted();

    @Message("Stage added")
    String change_stage_added();

    @Message("Stage changed")
    String change_stage_updated();

    @Message("Stages reordered")
    String change_stages_reordered();

    @Message("Stage deleted")
    String change_stage_deleted();

    @Message("Tunnel added")
    String change_tunnel_created();

    @Message("Tunnel changed")
    String change_tunnel_updated();

    @Message("Tunnel deleted")
    String change_tunnel_deleted();

    @Message("Automation rule added")
    String change_automation_created();

    @Message("Automation rule deleted")
    String change_automation_deleted();

    @Message("Junk reason added")
    String change_junk_reason_added();

    @Message("Junk reason renamed")
    String change_junk_reason_renamed();

    @Message("Junk reason deleted")
    String change_junk_reason_deleted();

    @Message("Loss reason added")
    String change_loss_reason_added();

    @Message("Loss reason renamed")
    String change_loss_reason_renamed();

    @Message("Loss reason deleted")
    String change_loss_reason_deleted();

    @Message("Lead status added")
    String change_lead_status_added();

    @Message("Lead status renamed")
    String change_lead_status_renamed();

    @Message("Lead status deleted")
    String change_lead_status_deleted();

    @Message("Analytics time zone set")
    String change_analytics_time_zone();

    @Message("Webhook subscription added")
    String change_webhook_created();

    @Message("Webhook subscription enabled")
    String change_webhook_enabled();

    @Message("Webhook subscription deleted")
    String change_webhook_deleted();

    @Message("CRM connector resumed")
    String change_connector_resumed();

    @Message("Changes")
    String nav_changes();

    @Message("Who changed the settings")
    String changes_title();

    @Message("Every change of pipelines, stages, tunnels, automation rules, lists, the analytics time zone, webhook subscriptions and CRM connectors, newest first.")
    String changes_hint();

    @Message("No changes yet.")
    String changes_none();

    @Message("When")
    String changes_when();

    @Message("Who")
    String changes_who();

    @Message("What")
    String changes_what();

    @Message("Of")
    String changes_subject();

    @Message("Details")
    String changes_detail();

    @Message("the system")
    String changes_system();

    @Message("Newer")
    String changes_newer();

    @Message("Older")
    String changes_older();
}
