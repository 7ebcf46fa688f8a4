package io.leadgate.policy;

import java.util.List;
import java.util.Optional;

/**
 * Where a channel's new leads go: its own managers (empty: the pipeline's), the pipeline its deals open in (id or
 * name; empty: the default pipeline), and whether every lead becomes a deal at once.
 */
public record LeadRouting(boolean dealsOnly, Optional<String> pipeline, List<String> managers) {

    /** No routing of its own: the default pipeline and its managers, leads stay leads. */
    public static final LeadRouting DEFAULT = new LeadRouting(false, Optional.empty(), List.of());

    public LeadRouting {
        managers = List.copyOf(managers);
    }
}
