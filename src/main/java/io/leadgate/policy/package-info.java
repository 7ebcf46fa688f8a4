/**
 * Channel policy values the domain acts on (repeat-lead mode, exclusion list, lead routing), as plain immutable
 * types. The channel files are read into them once, by {@code channel}; {@code intake} hands each value to the
 * package that needs it, so {@code lead}, {@code contact} and {@code pipeline} never depend on {@code channel}.
 * Bottom layer: imports nothing of Leadgate but {@code inquiry}.
 */
package io.leadgate.policy;
