package io.leadgate.contact;

/** The kinds of identity a contact card holds. */
public enum IdentityKind {
    /** An E.164 phone number. */
    PHONE,
    /** A lower-cased email addr-spec. */
    EMAIL,
    /** A messenger account, {@code provider:id}. */
    HANDLE
}
