package io.leadgate.delivery.crm.inbound;

import io.leadgate.delivery.crm.CrmFailure;

import java.util.List;

/**
 * A CRM's events coming back to Leadgate: how a delivery is verified and what it says. One implementation per CRM,
 * beside its connector. {@link #verify} runs on the request (fast, no outside call); {@link #changes} runs later, when
 * the stored delivery is applied, and may read the record from the CRM.
 */
public interface CrmEvents {

    /** The connector id ({@code bitrix24}, {@code amocrm}): the path segment and the {@code crm:<id>} actor. */
    String id();

    /** What a delivery's check found. */
    enum Verification {
        VALID,
        /** No secret configured for this CRM's events: they are refused. */
        NOT_CONFIGURED,
        /** The delivery carries no token / secret. */
        MISSING,
        /** The token / secret does not match. */
        MISMATCH,
        /** The body is not the CRM's event form. */
        MALFORMED
    }

    /**
     * Checks a delivery: the raw form body and the secret path segment (null when none), comparing in constant time.
     */
    Verification verify(String body, String pathSecret);

    /**
     * What a verified delivery changed: none for events Leadgate does not follow.
     *
     * @throws CrmFailure when the CRM could not be read (retryable: the delivery is applied again later)
     */
    List<CrmChange> changes(String body) throws CrmFailure, InterruptedException;
}
