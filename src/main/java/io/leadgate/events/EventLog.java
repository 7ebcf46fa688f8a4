package io.leadgate.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * Where lead events are written. One implementation (the delivery outbox) stores each event in the caller's
 * transaction, so an event exists exactly when the change it reports is committed; relaying it is delivery's job.
 */
public interface EventLog {

    /**
     * Appends one event.
     *
     * @param type      one of {@link EventTypes}
     * @param channelId the channel the event is about, null for contact events without one (its CloudEvent source)
     * @param contactId the CloudEvent subject; consumers keep one contact's events in order
     * @param data      the event's {@code data}, written as JSON
     * @return the event's id (the CloudEvent {@code id})
     */
    String append(String type, String channelId, Long contactId, Long leadId, Long inquiryId, JsonNode data, Instant now);

    /** An event for {@link #appendAll}; the fields are those of {@link #append}. */
    record Event(String type, String channelId, Long contactId, Long leadId, Long inquiryId, JsonNode data) {
    }

    /** Appends events as {@link #append} does, in list order, in one statement however many they are. */
    void appendAll(List<Event> events, Instant now);

    /**
     * Appends one event about a channel itself (no contact, lead or inquiry): its CloudEvent subject is the channel
     * id, so consumers keep one channel's events in order.
     *
     * @return the event's id (the CloudEvent {@code id})
     */
    String appendChannelEvent(String type, String channelId, JsonNode data, Instant now);
}
