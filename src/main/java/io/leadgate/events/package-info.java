/**
 * Lead events as the domain writes them: the CloudEvent types and the {@link io.leadgate.events.EventLog} port that
 * appends an event in the caller's transaction. {@code delivery} implements the port with its outbox, so the
 * packages below {@code delivery} ({@code pipeline}, {@code lead}, {@code contact}) write events without depending
 * on it. Bottom layer.
 */
package io.leadgate.events;
