package io.leadgate.delivery.crm;

import java.math.BigDecimal;
import java.util.List;

/**
 * One change a CRM is told about, read from one outbox event ({@link CrmChanges}). Every change carries the event's
 * feed {@code position}: a step that creates something without a natural key of its own (a comment, a note) is
 * recorded in {@link CrmLinks} under that position, so a retry after a lost answer finds it instead of adding it twice.
 */
public sealed interface CrmChange {

    /** The event's feed position (unique, in commit order). */
    long position();

    /** What a connector does with the changes after a lead's first push, one method per kind. */
    interface Lifecycle {
        CrmConnector.Outcome repeat(RepeatInquiry change) throws CrmFailure, InterruptedException;

        CrmConnector.Outcome status(LeadStatus change) throws CrmFailure, InterruptedException;

        CrmConnector.Outcome deal(DealChange change) throws CrmFailure, InterruptedException;

        CrmConnector.Outcome merge(Merge change) throws CrmFailure, InterruptedException;
    }

    /** A new lead ({@code leadgate.lead.created}). */
    record NewLead(long position, LeadSnapshot lead) implements CrmChange {
    }

    /**
     * A returning client's new inquiry joined an existing lead ({@code leadgate.lead.updated} with an inquiry): a
     * timeline entry on the CRM's lead or deal, and the client's identities the CRM contact does not have yet.
     * {@code dealId} is the lead's deal when it has one (the inquiry joined a deal, repeat-lead mode {@code deal}): the
     * entry then goes on the CRM's record of that deal.
     */
    record RepeatInquiry(long position, LeadSnapshot lead, long inquiryId, String channelId, String channelKind,
                         List<AttachmentLink> attachments, Long dealId) implements CrmChange {

        /** The timeline text: channel, subject and text, attachment links. */
        public String text() {
            StringBuilder s = new StringBuilder("Repeat inquiry via ").append(channelKind == null ? "?" : channelKind)
                    .append(" (").append(channelId).append(")");
            if (lead.comment() != null && !lead.comment().isBlank()) {
                s.append("\n\n").append(lead.comment());
            }
            for (AttachmentLink a : attachments) {
                s.append("\n").append(a.name() == null ? "attachment" : a.name()).append(": ").append(a.url());
            }
            return s.toString();
        }
    }

    /** A file that came with an inquiry and where to fetch it. */
    record AttachmentLink(String name, String url) {
    }

    /**
     * A lead's status or manager changed ({@code leadgate.lead.updated} without an inquiry): {@code status} is the
     * semantics ({@code new}, {@code in-progress}, {@code converted}, {@code junk}).
     */
    record LeadStatus(long position, long leadId, Long contactId, String status, String junkReason, String responsible,
                      Long dealId) implements CrmChange {
    }

    /**
     * A deal was created, moved or changed ({@code leadgate.deal.*}); {@code fromPipelineId} is the pipeline a move
     * came from (null when unknown or not a move).
     */
    record DealChange(long position, Kind kind, long dealId, Long leadId, Long contactId, String title,
                      String pipelineId, String stageId, String semantics, BigDecimal amount, String currency,
                      String responsible, String lossReason, String fromPipelineId) implements CrmChange {

        public enum Kind { CREATED, MOVED, UPDATED }

        /** A change that names no pipeline it came from. */
        public DealChange(long position, Kind kind, long dealId, Long leadId, Long contactId, String title,
                          String pipelineId, String stageId, String semantics, BigDecimal amount, String currency,
                          String responsible, String lossReason) {
            this(position, kind, dealId, leadId, contactId, title, pipelineId, stageId, semantics, amount, currency,
                    responsible, lossReason, null);
        }

        /** True when a move took the deal into another pipeline ({@code move.fromPipelineId} of the event). */
        public boolean changedPipeline() {
            return kind == Kind.MOVED && fromPipelineId != null && pipelineId != null && !fromPipelineId.equals(pipelineId);
        }

        public boolean won() {
            return "won".equals(semantics);
        }

        public boolean lost() {
            return "lost".equals(semantics);
        }
    }

    /** Two contact cards were merged ({@code leadgate.contact.merged}): the source now lives on in the target. */
    record Merge(long position, long targetId, long sourceId) implements CrmChange {
    }
}
