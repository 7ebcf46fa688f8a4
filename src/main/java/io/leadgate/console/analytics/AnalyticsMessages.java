package io.leadgate.console.analytics;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the analytics pages ({@code an:} in templates), in English; Russian in
 * {@code messages/an_ru.properties}.
 */
@MessageBundle("an")
public interface AnalyticsMessages {

    @Message("Amount")
    String amount();

    @Message("Show")
    String apply();

    @Message("Became deals")
    String became_deals();

    @Message("Won")
    String became_won();

    @Message("Leads per")
    String bucket();

    @Message("UTM campaign")
    String by_campaign();

    @Message("channel")
    String by_channel();

    @Message("day")
    String by_day();

    @Message("manager")
    String by_manager();

    @Message("month")
    String by_month();

    @Message("source")
    String by_source();

    @Message("week")
    String by_week();

    @Message("Change")
    String change();

    @Message("Channel")
    String channel();

    @Message("Compare with")
    String compare();

    @Message("nothing")
    String compare_none();

    @Message("the previous period")
    String compare_previous();

    @Message("Conversion to won")
    String conversion();

    @Message("Deals")
    String count_series();

    @Message("CSV")
    String csv();

    @Message("Deals")
    String deals();

    @Message("Download as CSV")
    String download_csv();

    @Message("From")
    String from();

    @Message("Funnel")
    String funnel();

    @Message("Funnel chart: deals that reached each stage")
    String funnel_chart();

    @Message("Group")
    String group();

    @Message("Group by")
    String group_by();

    @Message("no grouping")
    String group_none();

    @Message("By group")
    String groups();

    @Message("Junk")
    String junk();

    @Message("Junk by reason")
    String junk_by_reason();

    @Message("Leads")
    String leads();

    @Message("Leads received per channel")
    String leads_chart();

    @Message("Lost deals by reason")
    String lost_by_reason();

    @Message("Manager")
    String manager();

    @Message("Median time in stage")
    String median();

    @Message("Analytics")
    String nav_analytics();

    @Message("No lead was marked as junk in this period.")
    String no_junk();

    @Message("No leads in this period.")
    String no_leads();

    @Message("No deal was won in this period.")
    String no_won();

    @Message("No deal was lost in this period.")
    String none_lost();

    @Message("From the first stage")
    String of_first();

    @Message("Period")
    String period();

    @Message("Pipeline")
    String pipeline();

    @Message("Previous period")
    String previous();

    @Message("Previous period")
    String previous_series();

    @Message("Reason")
    String reason();

    @Message("Leads received")
    String received();

    @Message("Share")
    String share();

    @Message("Source")
    String source();

    @Message("Stage")
    String stage();

    @Message("From the previous stage")
    String step();

    @Message("Days are counted in {zone}.")
    String time_zone(String zone);

    @Message("To")
    String to();

    @Message("Total")
    String total();

    @Message("d")
    String unit_d();

    @Message("h")
    String unit_h();

    @Message("min")
    String unit_min();

    @Message("s")
    String unit_s();

    @Message("Won")
    String won();

    @Message("Won amount by manager")
    String won_by_manager();

    @Message("Won amount by source")
    String won_by_source();
}
