package io.leadgate.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Stage probabilities: the chance in % that a deal in a stage is won. A won stage is always 100, a lost stage
 * always 0; an in-progress stage has the value set on it, 0 until one is set. The weighted amount of an open deal is
 * its amount × the probability of its stage.
 */
@ApplicationScoped
public class Probabilities {

    /** The probability a stage counts with. */
    public static int of(Stage s) {
        return switch (s.semantics()) {
            case WON -> 100;
            case LOST -> 0;
            case IN_PROGRESS -> s.probability == null ? 0 : s.probability;
        };
    }

    /** amount × probability / 100, to the cent. Pure. */
    static BigDecimal weighted(BigDecimal amount, int probability) {
        return amount.multiply(BigDecimal.valueOf(probability)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    /** Sets (or with null clears) the probability of an in-progress stage; 0..100. */
    @Transactional
    public void set(long pipelineId, long stageId, Integer probability) {
        Stage s = Stage.findById(stageId);
        if (s == null || s.deleted || s.pipelineId != pipelineId) {
            throw PipelineException.notFound("no stage " + stageId + " in pipeline " + pipelineId);
        }
        if (probability != null && (probability < 0 || probability > 100)) {
            throw PipelineException.invalid("probability must be between 0 and 100");
        }
        if (s.semantics() != Semantics.IN_PROGRESS && probability != null && probability != of(s)) {
            throw PipelineException.invalid("a " + s.semantics + " stage's probability is always " + of(s));
        }
        s.probability = s.semantics() == Semantics.IN_PROGRESS ? probability : null;
        Pipeline p = Pipeline.findById(pipelineId);
        p.updatedAt = Instant.now();
    }
}
