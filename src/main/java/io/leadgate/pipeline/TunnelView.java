package io.leadgate.pipeline;

/** A tunnel rule as the API shows it. */
public record TunnelView(String id, String fromPipelineId, String fromStageId, String toPipelineId, String toStageId,
                         String mode) {

    public static TunnelView of(Tunnel t) {
        return new TunnelView(String.valueOf(t.id), String.valueOf(t.fromPipelineId), String.valueOf(t.fromStageId),
                String.valueOf(t.toPipelineId), String.valueOf(t.toStageId), t.mode);
    }
}
