package io.leadgate.delivery.crm;

/**
 * A CRM call that did not succeed, with what to do about it. The message never holds the webhook URL, the token
 * or personal data: it is logged and shown in health.
 */
public class CrmFailure extends Exception {

    /** What a failure means for the connector. */
    public enum Kind {
        /** Worth another try later (5xx, timeout, rate limit that persisted): the lead stays pending. */
        RETRYABLE,
        /** The CRM refused the credentials or the account (401, 403, Access denied): the connector stops. */
        AUTH,
        /** The CRM refused this lead for good (validation): it is skipped and counted, the queue moves on. */
        REJECTED,
        /**
         * The configured URL does not lead to the CRM's API (a redirect, {@code 404}): the connector stops, like for
         * {@link #AUTH}, rather than skip every lead as refused.
         */
        MISCONFIGURED
    }

    private final Kind kind;
    private final String code;

    public CrmFailure(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    /** A short machine code: the CRM's error code or {@code http_<status>}. */
    public String code() {
        return code;
    }
}
