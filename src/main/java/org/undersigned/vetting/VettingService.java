package org.undersigned.vetting;

import static org.undersigned.web.AdminText.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import org.hibernate.StaleStateException;
import org.undersigned.account.LetterAccess;
import org.undersigned.account.SignedInAdmin;
import org.undersigned.audit.AuditLog;
import org.undersigned.audit.AuditLog.Subject;
import org.undersigned.signing.Signature;
import org.undersigned.signing.SignatureState;
import org.undersigned.signing.SignerNotices;
import org.undersigned.web.ConflictException;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;
import org.undersigned.web.PlainText;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Vetters' decisions. Each decision names the version of the entry the vetter saw: if someone
 * else decided first, the second vetter gets a conflict, never a silent overwrite (the version
 * check here covers decisions made seconds apart; Hibernate's @Version covers the same instant).
 */
@ApplicationScoped
public class VettingService {

    /** One row as the vetter saw it. */
    public record Selection(long id, long version) {
    }

    public record BulkResult(int approved, List<Long> conflicts) {
    }

    @Inject
    LetterAccess access;

    @Inject
    AuditLog audit;

    @Inject
    SignerNotices notices;

    @Inject
    jakarta.enterprise.event.Event<org.undersigned.letter.PublicPageChanged> pageChanged;

    @Transactional
    public Signature approve(SignedInAdmin admin, long signatureId, long expectedVersion) {
        Signature s = requireVettable(admin, signatureId, expectedVersion);
        Instant now = Instant.now();
        SignatureState before = s.state();
        s.approve(now, admin.id());
        flushed(s);
        notices.approved(s, now);
        record(admin, s, "signature.approved", before, null);
        return s;
    }

    @Transactional
    public Signature reject(SignedInAdmin admin, long signatureId, long expectedVersion, String reason, boolean tellSigner) {
        String note = PlainText.block(reason);
        if (note != null && (note.length() > 500 || !PlainText.isAcceptable(note))) {
            throw new InvalidInputException(FormErrors.none().add("reason", admin().vetting_reason_too_long()));
        }
        Signature s = requireVettable(admin, signatureId, expectedVersion);
        SignatureState before = s.state();
        s.reject(Instant.now(), admin.id(), note);
        flushed(s);
        if (tellSigner) {
            notices.rejected(s, note);
        }
        record(admin, s, "signature.rejected", before, AuditLog.values("reason", note, "signerEmailed", tellSigner));
        return s;
    }

    @Transactional
    public Signature markDuplicate(SignedInAdmin admin, long signatureId, long expectedVersion, long originalId) {
        Signature s = requireVettable(admin, signatureId, expectedVersion);
        Signature original = Signature.<Signature>findByIdOptional(originalId)
                .orElseThrow(() -> new InvalidInputException(FormErrors.none().add("original", admin().vetting_original_not_found())));
        SignatureState before = s.state();
        s.markDuplicateOf(original, Instant.now(), admin.id());
        flushed(s);
        record(admin, s, "signature.marked-duplicate", before, AuditLog.values("duplicateOf", originalId));
        return s;
    }

    /** Undoes a decision: the entry waits for review again (and leaves the public list if it was on it). */
    @Transactional
    public Signature reopen(SignedInAdmin admin, long signatureId, long expectedVersion) {
        Signature s = requireVettable(admin, signatureId, expectedVersion);
        SignatureState before = s.state();
        s.returnToReview(Instant.now());
        flushed(s);
        record(admin, s, "signature.reopened", before, null);
        return s;
    }

    /**
     * Approves every selected row that is still waiting and unchanged since the vetter saw it;
     * rows decided by someone else in the meantime are reported, not overwritten.
     */
    @Transactional
    public BulkResult approveAll(SignedInAdmin admin, long letterId, List<Selection> selections) {
        Instant now = Instant.now();
        List<Signature> approvedNow = new ArrayList<>();
        List<Long> conflicts = new ArrayList<>();
        for (Selection sel : selections) {
            Signature s = Signature.findById(sel.id());
            if (s == null || !s.letter().id.equals(letterId)) {
                continue;
            }
            if (s.version() != sel.version() || s.state() != SignatureState.PENDING_REVIEW) {
                conflicts.add(sel.id());
                continue;
            }
            s.approve(now, admin.id());
            approvedNow.add(s);
        }
        try {
            Signature.getEntityManager().flush();
        } catch (OptimisticLockException | StaleStateException e) {
            throw new ConflictException(admin().vetting_bulk_decided_meanwhile());
        }
        for (Signature s : approvedNow) {
            notices.approved(s, now);
            record(admin, s, "signature.approved", SignatureState.PENDING_REVIEW, AuditLog.values("bulk", true));
        }
        return new BulkResult(approvedNow.size(), conflicts);
    }

    private Signature requireVettable(SignedInAdmin admin, long signatureId, long expectedVersion) {
        Signature s = Signature.<Signature>findByIdOptional(signatureId).orElseThrow(NotFoundException::new);
        if (s.version() != expectedVersion) {
            throw new ConflictException(admin().vetting_entry_changed_meanwhile(s.state().name().toLowerCase().replace('_', ' ')));
        }
        return s;
    }

    private void record(SignedInAdmin admin, Signature s, String action, SignatureState before, Map<String, Object> extra) {
        if (before == SignatureState.APPROVED || s.state() == SignatureState.APPROVED) {
            pageChanged.fire(new org.undersigned.letter.PublicPageChanged(s.letter().id));
        }
        Map<String, Object> after = AuditLog.values("state", s.state());
        if (extra != null) {
            after.putAll(extra);
        }
        audit.record(admin.actor(), action, Subject.signature(s.letter().id, s.id()), AuditLog.values("state", before), after);
    }

    /**
     * Writes the decision now, before anything else in the transaction runs SQL (which would
     * flush it implicitly), so a same-instant decision by someone else surfaces here as a conflict.
     */
    private static Signature flushed(Signature s) {
        try {
            Signature.getEntityManager().flush();
        } catch (OptimisticLockException | StaleStateException e) {
            throw new ConflictException(admin().vetting_decided_meanwhile());
        }
        return s;
    }
}
