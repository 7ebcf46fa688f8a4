package io.leadgate.delivery.crm;

/**
 * One CRM a new lead is pushed to. Called by {@link ConnectorRunner} from one thread at a time per connector, in
 * feed order, for {@code leadgate.lead.created} events only.
 */
public interface CrmConnector {

    /** The connector's id: the cursor row, metric tag and health key ({@code bitrix24}, {@code amocrm}). */
    String id();

    /** True when configured on and complete. */
    boolean enabled();

    /** A hash of the credentials in use, so a stop for refused credentials ends when they are changed. */
    String credentialHash();

    /**
     * Pushes one lead: finds or creates the CRM contact and creates the lead, recording the CRM's ids in
     * {@link CrmLinks}. Must be safe to call again for the same lead after any failure or crash (it then links
     * instead of creating twice).
     *
     * @throws CrmFailure with what the runner should do next
     */
    void push(LeadSnapshot lead) throws CrmFailure, InterruptedException;
}
