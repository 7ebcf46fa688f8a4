package io.leadgate.delivery.crm;

import io.leadgate.contact.ContactIdentity;
import io.leadgate.contact.IdentityKind;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Which of a card's phones and emails a CRM contact has been given. Each identity handed over is recorded as a
 * {@link CrmLinks#IDENTITY} link; a card's identities without one are new to the CRM (a returning client wrote from
 * another number or address). Connectors read the CRM contact before adding, so a crash between the CRM's update and
 * the record never adds a value twice.
 */
@ApplicationScoped
public class CrmIdentities {

    /** A phone (E.164) or email of a card. */
    public record Identity(long id, IdentityKind kind, String value) {
    }

    private final CrmLinks links;

    CrmIdentities(CrmLinks links) {
        this.links = links;
    }

    /** The card's phones and deliverable emails not yet given to this CRM, oldest first (caller's transaction). */
    public List<Identity> pending(String crm, long contactId) {
        List<Identity> pending = new ArrayList<>();
        for (ContactIdentity identity : ContactIdentity.<ContactIdentity>list("contactId = ?1 order by id", contactId)) {
            boolean kept = identity.kind == IdentityKind.PHONE || identity.kind == IdentityKind.EMAIL && !identity.undeliverable;
            if (kept && links.find(crm, CrmLinks.IDENTITY, identity.id).map(l -> l.remoteId == null).orElse(true)) {
                pending.add(new Identity(identity.id, identity.kind, identity.identityValue));
            }
        }
        return pending;
    }

    /** Records that the CRM contact holds these identities now. */
    public void given(String crm, List<Identity> identities, String remoteContactId) {
        for (Identity identity : identities) {
            links.link(crm, CrmLinks.IDENTITY, identity.id(), "contact", remoteContactId);
        }
    }

    /** Records the identities a contact was created with (nothing to add later). */
    public void created(String crm, long contactId, String remoteContactId) {
        given(crm, pending(crm, contactId), remoteContactId);
    }

    /**
     * The links recording that a contact just created holds all the card's phones and emails, for {@link
     * CrmLinks#saveAll} (one read of the card's identities; caller's transaction).
     */
    public List<CrmLinks.Pending> createdLinks(long contactId, String remoteContactId) {
        List<CrmLinks.Pending> all = new ArrayList<>();
        for (ContactIdentity identity : ContactIdentity.<ContactIdentity>list("contactId = ?1 order by id", contactId)) {
            if (identity.kind == IdentityKind.PHONE || identity.kind == IdentityKind.EMAIL && !identity.undeliverable) {
                all.add(new CrmLinks.Pending(CrmLinks.IDENTITY, identity.id, "contact", remoteContactId));
            }
        }
        return all;
    }

    /** Digits of a phone or the lower-cased email, to compare with what the CRM holds. */
    public static String comparable(String value) {
        if (value == null) {
            return "";
        }
        return value.contains("@") ? value.strip().toLowerCase(java.util.Locale.ROOT) : value.replaceAll("\\D", "");
    }
}
