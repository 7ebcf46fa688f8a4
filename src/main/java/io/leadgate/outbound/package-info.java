/**
 * Safety for calls the gateway makes out: the SSRF guard for webhook targets and the Standard Webhooks signer,
 * shared by subscriptions ({@code delivery}) and automation webhooks ({@code pipeline}). Bottom layer: imports
 * nothing of Leadgate.
 */
package io.leadgate.outbound;
