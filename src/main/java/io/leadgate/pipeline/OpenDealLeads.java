package io.leadgate.pipeline;

import io.leadgate.lead.OpenDeals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/** The {@code deal} repeat-lead policy's view of deals: the lead of the contact's newest open deal. */
@ApplicationScoped
public class OpenDealLeads implements OpenDeals {

    private final EntityManager em;

    OpenDealLeads(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Long> openDealLead(long contactId) {
        @SuppressWarnings("unchecked")
        List<Number> leads = em.createNativeQuery("select lead_id from deal where contact_id = ?1 and status = 'open' "
                        + "and lead_id is not null order by created_at desc, id desc limit 1")
                .setParameter(1, contactId).getResultList();
        return leads.stream().findFirst().map(Number::longValue);
    }
}
