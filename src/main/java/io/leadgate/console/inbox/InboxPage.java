package io.leadgate.console.inbox;

import java.util.List;

/** One page of inbox lines, newest first, and the keyset cursor of the next (null on the last page). */
public record InboxPage(List<InboxRow> rows, String next) {
}
