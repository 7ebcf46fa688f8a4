package io.leadgate.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Every console text in English (the default); Russian in {@code messages/msg_ru.properties}. */
@MessageBundle
public interface ConsoleMessages {

    @Message("Accept")
    String accept();

    @Message("Actions")
    String actions();

    @Message("Activate")
    String activate();

    @Message("active")
    String active();

    @Message("Add a note")
    String add_note();

    @Message("any")
    String any();

    @Message("Apply")
    String apply();

    @Message("Assign")
    String assign();

    @Message("Call back")
    String badge_callback();

    @Message("Returning client")
    String badge_returning();

    @Message("Drag a card to another stage, or use its Move menu.")
    String board_hint();

    @Message("Incoming call")
    String call_in();

    @Message("Outgoing call")
    String call_out();

    @Message("campaign")
    String campaign();

    @Message("Cancel")
    String cancel();

    @Message("Channel")
    String channel();

    @Message("Company")
    String company();

    @Message("Create")
    String create();

    @Message("Create lead")
    String create_lead();

    @Message("Deactivate")
    String deactivate();

    @Message("Deal")
    String deal();

    @Message("Deals")
    String deals();

    @Message("Display name")
    String display_name();

    @Message("Edit")
    String edit();

    @Message("Email")
    String email();

    @Message("From")
    String from();

    @Message("Phones, emails, messengers")
    String identities();

    @Message("inactive")
    String inactive();

    @Message("No leads match.")
    String inbox_empty();

    @Message("Junk")
    String junk();

    @Message("Reason")
    String junk_reason();

    @Message("Call")
    String kind_call();

    @Message("Deal")
    String kind_deal();

    @Message("Inquiry")
    String kind_inquiry();

    @Message("Merged")
    String kind_merge();

    @Message("Note")
    String kind_note();

    @Message("Status")
    String kind_status();

    @Message("Merge undone")
    String kind_unmerge();

    @Message("Card edited")
    String kind_edit();

    @Message("Name changed")
    String edited_name();

    @Message("Company changed")
    String edited_company();

    @Message("Name and company changed")
    String edited_name_company();

    @Message("Русский")
    String lang_switch();

    @Message("Leads")
    String leads();

    @Message("locked")
    String locked();

    @Message("Loss reason")
    String loss_reason();

    @Message("Loss reason (for a lost stage)")
    String loss_reason_if_lost();

    @Message("Manager")
    String manager();

    @Message("Mark lost")
    String mark_lost();

    @Message("Message")
    String message_label();

    @Message("missed")
    String missed();

    @Message("Move")
    String move();

    @Message("My deals")
    String my_deals();

    @Message("Name")
    String name();

    @Message("Pipeline")
    String nav_board();

    @Message("Inbox")
    String nav_inbox();

    @Message("Main")
    String nav_label();

    @Message("New lead")
    String nav_new_lead();

    @Message("Users")
    String nav_users();

    @Message("New lead")
    String new_lead();

    @Message("Silent far outside their usual rhythm (or failing verification):")
    String silent_channels();

    @Message("A lead entered by hand goes through the same identity resolution as a hook: a known phone or email lands on the client's card.")
    String new_lead_hint();

    @Message("New user")
    String new_user();

    @Message("No deals yet")
    String no_deals();

    @Message("(no name)")
    String no_name();

    @Message("no password")
    String no_password();

    @Message("Open contact")
    String open_contact();

    @Message("Password")
    String password();

    @Message("Phone")
    String phone();

    @Message("Pipeline")
    String pipeline();

    @Message("Pipeline and stage")
    String pipeline_stage();

    @Message("Reset")
    String reset();

    @Message("New password")
    String reset_password();

    @Message("Role")
    String role();

    @Message("Administrator")
    String role_admin();

    @Message("Manager")
    String role_manager();

    @Message("Save")
    String save();

    @Message("Search")
    String search();

    @Message("Name, phone or email")
    String search_placeholder();

    @Message("Show")
    String show();

    @Message("Show more")
    String show_more();

    @Message("Sign in")
    String sign_in();

    @Message("Wrong username or password, or the account is locked for a while.")
    String sign_in_failed();

    @Message("Sign out")
    String sign_out();

    @Message("Skip to content")
    String skip_to_content();

    @Message("Source")
    String source();

    @Message("Stage")
    String stage();

    @Message("State")
    String state();

    @Message("Status")
    String status();

    @Message("Timeline")
    String timeline();

    @Message("Nothing yet")
    String timeline_empty();

    @Message("To")
    String to();

    @Message("unassigned")
    String unassigned();

    @Message("undeliverable")
    String undeliverable();

    @Message("Username")
    String username();

    @Message("{days} d in stage")
    String days_in_stage(long days);

    @Message("{count} inquiries")
    String inquiries_count(int count);

    @Message("{hidden} more not shown")
    String more_cards(long hidden);
}
