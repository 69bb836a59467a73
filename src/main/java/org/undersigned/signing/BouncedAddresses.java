package org.undersigned.signing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.undersigned.mail.MailBounced;

/** Records on each signature that its address bounced: vetters see it as a signal. */
@ApplicationScoped
public class BouncedAddresses {

    @Inject
    EntityManager em;

    @Transactional
    void onBounce(@Observes MailBounced bounced) {
        em.createNativeQuery("update signature set email_bounced_at = ?1 where id = any(cast(?2 as bigint[])) and email_bounced_at is null")
                .setParameter(1, bounced.at())
                .setParameter(2, bounced.signatureIds().toArray(Long[]::new))
                .executeUpdate();
    }
}
