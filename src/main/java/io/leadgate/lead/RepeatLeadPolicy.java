package io.leadgate.lead;

import io.leadgate.config.LeadgateConfig;
import io.leadgate.policy.RepeatLead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.jboss.logging.Logger;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which lead a known client's new inquiry joins, per channel ({@code settings.repeat-lead}) or globally
 * ({@code leadgate.repeat-lead}): {@code attach} — the contact's most recent open lead (the default); {@code new} —
 * none, so every inquiry opens a repeat lead linked to the contact (Bitrix24's repeat-lead mode); {@code deal} — the
 * lead of the contact's open deal when an {@link OpenDeals} bean knows one, else as {@code attach}.
 */
@ApplicationScoped
public class RepeatLeadPolicy {

    private static final Logger LOG = Logger.getLogger(RepeatLeadPolicy.class);

    private final EntityManager em;
    private final Instance<OpenDeals> deals;
    private final RepeatLead global;
    private final String openLeadQuery;

    RepeatLeadPolicy(EntityManager em, Instance<OpenDeals> deals, LeadgateConfig config) {
        this.em = em;
        this.deals = deals;
        this.global = RepeatLead.of(config.repeatLead()).orElseThrow(() -> new IllegalArgumentException(
                "leadgate.repeat-lead must be attach, new or deal"));
        if (deals.isUnsatisfied() && global == RepeatLead.DEAL) {
            LOG.info("repeat-lead=deal without deal support: returning clients join their open lead");
        }
        String open = Arrays.stream(LeadStatus.values()).filter(LeadStatus::open).map(s -> "'" + s.name() + "'")
                .collect(Collectors.joining(", "));
        this.openLeadQuery = "select id from lead where contact_id = ?1 and status in (" + open + ") "
                + "order by created_at desc, id desc limit 1";
    }

    /** The policy in force: the channel's own, else the global one. */
    public RepeatLead mode(Optional<RepeatLead> channel) {
        return channel.orElse(global);
    }

    /**
     * The lead a known client's inquiry joins; empty: open a new lead.
     *
     * @param channel the channel's {@code repeat-lead}, empty for the global policy
     */
    public Optional<Lead> leadFor(Optional<RepeatLead> channel, long contactId) {
        return switch (mode(channel)) {
            case NEW -> Optional.empty();
            case DEAL -> dealLead(contactId).or(() -> openLead(contactId));
            case ATTACH -> openLead(contactId);
        };
    }

    private Optional<Lead> dealLead(long contactId) {
        if (!deals.isResolvable()) {
            return Optional.empty();
        }
        return deals.get().openDealLead(contactId).map(this::locked);
    }

    /**
     * The contact's most recent open lead, by one fixed-shape indexed query, locked and read again under its row lock:
     * a manager's convert, junk or assignment that committed meanwhile is seen (a lead closed meanwhile is not joined)
     * and never overwritten by the inquiry's update; one that starts meanwhile waits for the inquiry to commit.
     */
    public Optional<Lead> openLead(long contactId) {
        for (int attempt = 0; attempt < 3; attempt++) {
            @SuppressWarnings("unchecked")
            List<Number> ids = em.createNativeQuery(openLeadQuery).setParameter(1, contactId).getResultList();
            if (ids.isEmpty()) {
                return Optional.empty();
            }
            Lead lead = locked(ids.get(0).longValue());
            if (lead != null && lead.status.open() && Long.valueOf(contactId).equals(lead.contactId)) {
                return Optional.of(lead);
            }
        }
        return Optional.empty();
    }

    /**
     * The lead read under its row lock: one {@code select … for update}; a lead this transaction holds already (a
     * merge moved it) is read again under the lock instead, so what committed meanwhile is seen either way.
     */
    private Lead locked(long id) {
        SharedSessionContractImplementor session = em.unwrap(SharedSessionContractImplementor.class);
        EntityPersister persister = session.getFactory().getMappingMetamodel().getEntityDescriptor(Lead.class);
        Object held = session.getPersistenceContextInternal().getEntity(session.generateEntityKey(id, persister));
        if (held instanceof Lead lead) {
            em.refresh(lead, LockModeType.PESSIMISTIC_WRITE);
            return lead;
        }
        return em.find(Lead.class, id, LockModeType.PESSIMISTIC_WRITE);
    }
}
