package org.undersigned.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.undersigned.audit.Actor;
import org.undersigned.audit.AuditLog;
import org.undersigned.web.ProblemException;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Per-letter restrictions. By default every editor may edit every letter and every vetter may
 * vet it; once a letter names accounts for a capability, only those accounts (and admins) have
 * it on that letter.
 */
@ApplicationScoped
public class LetterAccess {

    /** READ: see the letter's admin pages and data at all (anyone who may edit or vet it). */
    public enum Capability { READ, EDIT, VET }

    public record Members(Set<Long> editors, Set<Long> vetters) {
    }

    static class NotOnThisLetter extends ProblemException {
        NotOnThisLetter(Capability capability) {
            super(403, "forbidden", "Not allowed on this letter", "This letter's "
                    + switch (capability) {
                        case READ -> "editing and vetting are";
                        case EDIT -> "editing is";
                        case VET -> "vetting is";
                    }
                    + " limited to named accounts, and yours is not one of them.");
        }
    }

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    public boolean allows(SignedInAdmin admin, long letterId, Capability capability) {
        Role role = admin.role();
        if (role == Role.ADMIN) {
            return true;
        }
        if (capability == Capability.READ) {
            return allows(admin, letterId, Capability.EDIT) || allows(admin, letterId, Capability.VET);
        }
        if (capability == Capability.EDIT ? !role.mayEditLetters() : !role.mayVet()) {
            return false;
        }
        List<Long> named = named(letterId, capability);
        return named.isEmpty() || named.contains(admin.id());
    }

    /** Called for every request by {@link LetterAccessFilter}, the one enforcement point. */
    void require(SignedInAdmin admin, long letterId, Capability capability) {
        if (!allows(admin, letterId, capability)) {
            boolean roleMay = switch (capability) {
                case READ -> true;
                case EDIT -> admin.role().mayEditLetters();
                case VET -> admin.role().mayVet();
            };
            if (!roleMay) {
                throw new io.quarkus.security.ForbiddenException();
            }
            throw new NotOnThisLetter(capability);
        }
    }

    public Members members(long letterId) {
        return new Members(new TreeSet<>(named(letterId, Capability.EDIT)), new TreeSet<>(named(letterId, Capability.VET)));
    }

    @Transactional
    public void setMembers(Actor actor, long letterId, Set<Long> editors, Set<Long> vetters) {
        Members before = members(letterId);
        em.createNativeQuery("delete from letter_member where letter_id = ?1").setParameter(1, letterId).executeUpdate();
        insert(letterId, editors, Capability.EDIT);
        insert(letterId, vetters, Capability.VET);
        audit.record(actor, "letter.access-changed", AuditLog.Subject.letter(letterId),
                AuditLog.values("editors", before.editors(), "vetters", before.vetters()),
                AuditLog.values("editors", new TreeSet<>(editors), "vetters", new TreeSet<>(vetters)));
    }

    private void insert(long letterId, Set<Long> accounts, Capability capability) {
        for (Long account : accounts) {
            em.createNativeQuery("insert into letter_member (letter_id, account_id, capability) values (?1, ?2, ?3)")
                    .setParameter(1, letterId).setParameter(2, account).setParameter(3, capability.name())
                    .executeUpdate();
        }
    }

    @SuppressWarnings("unchecked")
    private List<Long> named(long letterId, Capability capability) {
        return ((List<Number>) em.createNativeQuery(
                        "select account_id from letter_member where letter_id = ?1 and capability = ?2")
                .setParameter(1, letterId).setParameter(2, capability.name()).getResultList())
                .stream().map(Number::longValue).toList();
    }
}
