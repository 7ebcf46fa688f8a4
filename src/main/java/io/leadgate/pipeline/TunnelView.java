package io.leadgate.pipeline;

import java.util.List;

/** A tunnel rule as the API shows it; {@code carry} null = every field travels. */
public record TunnelView(String id, String fromPipelineId, String fromStageId, String toPipelineId, String toStageId,
                         String mode, String titlePrefix, String titleSuffix, List<String> carry) {

    public static TunnelView of(Tunnel t) {
        return new TunnelView(String.valueOf(t.id), String.valueOf(t.fromPipelineId), String.valueOf(t.fromStageId),
                String.valueOf(t.toPipelineId), String.valueOf(t.toStageId), t.mode, t.titlePrefix, t.titleSuffix,
                TunnelCarry.list(t.carry));
    }
}
