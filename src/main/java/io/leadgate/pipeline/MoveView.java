package io.leadgate.pipeline;

import java.time.Instant;

/** One entry in a deal's history: who moved it, when, from where to where. */
public record MoveView(String fromPipelineId, String fromStageId, String toPipelineId, String toStageId, String actor,
                       String lossReason, Instant at, Instant leftAt) {

    static String str(Long id) {
        return id == null ? null : String.valueOf(id);
    }

    public static MoveView of(DealMove m) {
        return new MoveView(str(m.fromPipelineId), str(m.fromStageId), str(m.toPipelineId), str(m.toStageId), m.actor,
                m.lossReason, m.movedAt, m.leftAt);
    }
}
