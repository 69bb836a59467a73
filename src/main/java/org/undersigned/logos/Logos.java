package org.undersigned.logos;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import org.undersigned.audit.Actor;
import org.undersigned.audit.AuditLog;
import org.undersigned.letter.PublicPageChanged;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Organizations' logos: stored re-encoded at sign-on, approved or removed by a vetter (audited),
 * and served only while both the logo and its signature are approved. A change bumps the
 * letter row's version, so every instance's cached public pages take a new key.
 */
@ApplicationScoped
public class Logos {

    /** A logo waiting for a vetter or shown, as the vetters' page lists it. */
    public record LogoRow(long signatureId, String name, String state, Instant uploadedAt) {
    }

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Event<PublicPageChanged> pageChanged;

    /** Stores a re-encoded logo for a new entry (in the caller's transaction). */
    public void store(long signatureId, long letterId, LogoImage.Encoded image, Instant now) {
        em.persist(SignatureLogo.uploaded(signatureId, letterId, image, now));
    }

    @Transactional
    public void approve(Actor actor, long signatureId) {
        SignatureLogo logo = require(signatureId);
        logo.approve(Instant.now(), actor.accountId());
        decided(actor, logo, "logo.approved");
    }

    @Transactional
    public void remove(Actor actor, long signatureId) {
        SignatureLogo logo = require(signatureId);
        logo.remove(Instant.now(), actor.accountId());
        decided(actor, logo, "logo.removed");
    }

    /** The signer's entry was erased: its logo, and its place among the lead signers, go with it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void eraseFor(long signatureId) {
        em.createNativeQuery("delete from signature_logo where signature_id = ?1").setParameter(1, signatureId).executeUpdate();
        em.createNativeQuery("delete from lead_signer where signature_id = ?1").setParameter(1, signatureId).executeUpdate();
    }

    private void decided(Actor actor, SignatureLogo logo, String action) {
        audit.record(actor, action, AuditLog.Subject.signature(logo.letterId(), logo.signatureId()), null,
                AuditLog.values("state", logo.state().name()));
        LetterRows.touch(em, logo.letterId());
        pageChanged.fire(new PublicPageChanged(logo.letterId()));
    }

    /** The image a visitor may see: the logo approved and its entry on the public list of this letter. */
    @Transactional
    public Optional<byte[]> publicImage(String slug, long signatureId) {
        @SuppressWarnings("unchecked")
        List<byte[]> rows = em.createNativeQuery("""
                        select g.png from signature_logo g join signature s on s.id = g.signature_id
                        join letter l on l.id = s.letter_id
                        where g.signature_id = ?1 and l.slug = ?2 and l.state <> 'DRAFT'
                          and g.state = 'APPROVED' and s.state = 'APPROVED'""")
                .setParameter(1, signatureId).setParameter(2, slug).getResultList();
        return rows.stream().findFirst();
    }

    /** The image for vetters, whatever its state (removed logos have none). */
    @Transactional
    public Optional<byte[]> anyImage(long signatureId) {
        return SignatureLogo.<SignatureLogo>findByIdOptional(signatureId).flatMap(SignatureLogo::png);
    }

    /** A letter's logos in one state, oldest first, at most {@code limit}. */
    @Transactional
    public List<LogoRow> inState(long letterId, LogoState state, int limit) {
        return em.createNativeQuery("""
                        select g.signature_id, s.display_name as name, g.state, g.uploaded_at
                        from signature_logo g join signature s on s.id = g.signature_id
                        where g.letter_id = ?1 and g.state = ?2 order by g.uploaded_at, g.signature_id limit ?3""",
                        jakarta.persistence.Tuple.class)
                .setParameter(1, letterId).setParameter(2, state.name()).setParameter(3, limit)
                .getResultList().stream()
                .map(t -> {
                    jakarta.persistence.Tuple row = (jakarta.persistence.Tuple) t;
                    return new LogoRow(((Number) row.get("signature_id")).longValue(), row.get("name", String.class),
                            row.get("state", String.class), instant(row.get("uploaded_at")));
                })
                .toList();
    }

    private SignatureLogo require(long signatureId) {
        return SignatureLogo.<SignatureLogo>findByIdOptional(signatureId).orElseThrow(NotFoundException::new);
    }

    static Instant instant(Object o) {
        return o == null ? null : o instanceof Instant i ? i
                : o instanceof java.time.OffsetDateTime t ? t.toInstant() : ((java.sql.Timestamp) o).toInstant();
    }
}
