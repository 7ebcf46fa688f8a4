package io.leadgate.console.board;

import io.leadgate.console.Choices;
import io.leadgate.pipeline.PipelineView;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A pipeline's board: a column per live stage with its count and sum, and the deal cards. */
public record BoardView(PipelineView pipeline, List<PipelineView> pipelines, List<Column> columns, boolean mine,
                        String currency, List<Choices.Option> lossReasons) {

    /** One stage: {@code shown} cards of {@code count} (the most recently entered first). */
    public record Column(String stageId, String name, String color, String semantics, long count, BigDecimal sum,
                         List<Card> cards) {

        public boolean more() {
            return count > cards.size();
        }

        public long hidden() {
            return count - cards.size();
        }
    }

    /** A deal card: its title, the contact's name (or company; null when the card has neither). */
    public record Card(long id, long contactId, String title, String contact, BigDecimal amount, String currency,
                       String responsible, Instant stageEnteredAt, String lossReason) {
    }
}
