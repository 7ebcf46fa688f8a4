package io.leadgate.delivery.crm;

/**
 * One CRM the gateway's changes are pushed to. Called by {@link ConnectorRunner} from one thread at a time per
 * connector, in feed order, once per {@link CrmChange} (events the CRM itself caused are filtered out before).
 */
public interface CrmConnector {

    /** What a push did. */
    enum Outcome {
        /** The CRM was told (or already had it, from an earlier attempt whose answer or cursor move was lost). */
        SENT,
        /** The change is about a lead, deal or contact this CRM was never given: nothing to apply it to. */
        UNLINKED,
        /** The change means nothing to this CRM (a deal event that changes no field the CRM holds). */
        IGNORED
    }

    /** The connector's id: the cursor row, metric tag and health key ({@code bitrix24}, {@code amocrm}). */
    String id();

    /** True when configured on and complete. */
    boolean enabled();

    /** A hash of the credentials in use, so a stop for refused credentials ends when they are changed. */
    String credentialHash();

    /**
     * Pushes one change, recording what the CRM created in {@link CrmLinks} as soon as it is known: a new lead to
     * {@link #newLead}, the rest to the connector's {@link #lifecycle}. Must be safe to call again for the same change
     * after any failure or crash: a create whose answer was lost is found again (by the record's origin, a marker or a
     * pending link) instead of being sent twice; updates are written as absolute values.
     *
     * @throws CrmFailure with what the runner should do next
     */
    default Outcome push(CrmChange change) throws CrmFailure, InterruptedException {
        if (change instanceof CrmChange.NewLead n) {
            newLead(n.lead());
            return Outcome.SENT;
        }
        CrmChange.Lifecycle lifecycle = lifecycle();
        if (change instanceof CrmChange.RepeatInquiry r) {
            return lifecycle.repeat(r);
        }
        if (change instanceof CrmChange.LeadStatus l) {
            return lifecycle.status(l);
        }
        if (change instanceof CrmChange.DealChange d) {
            return lifecycle.deal(d);
        }
        return lifecycle.merge((CrmChange.Merge) change);
    }

    /**
     * Pushes one new lead: finds or creates the CRM contact and creates the lead, linking both. Safe to repeat (it then
     * links instead of creating twice).
     */
    void newLead(LeadSnapshot lead) throws CrmFailure, InterruptedException;

    /** Repeat inquiries, status, deals and merges, for leads pushed before. */
    CrmChange.Lifecycle lifecycle();

    /** How many new leads {@link #pushNewLeads} takes at once; 1 (the default): one by one through {@link #push}. */
    default int batchSize() {
        return 1;
    }

    /**
     * How long a run of new leads shorter than {@link #batchSize} may wait for more before {@link #pushNewLeads} gets
     * it; zero (the default): never waits.
     */
    default java.time.Duration linger() {
        return java.time.Duration.ZERO;
    }

    /**
     * How many new leads fill the CRM's requests whole: a run that waited {@link #linger} is cut to a multiple of this
     * (the rest waits for the next run); 1 (the default): never cut.
     */
    default int batchFill() {
        return 1;
    }

    /**
     * Pushes consecutive new leads at once, as safe to repeat as {@link #push}. A {@link CrmFailure.Kind#REJECTED}
     * failure makes the runner push them again one by one, so that only the refused lead is skipped.
     */
    default void pushNewLeads(java.util.List<CrmChange.NewLead> leads) throws CrmFailure, InterruptedException {
        for (CrmChange.NewLead lead : leads) {
            newLead(lead.lead());
        }
    }
}
