package org.undersigned.letter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import org.undersigned.infra.ClusterLock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Writes to letters: creation, the lifecycle transitions and campaign updates. */
@ApplicationScoped
public class LetterService {

    @Inject
    ClusterLock clusterLock;

    @Transactional
    public Letter createDraft(LetterDraft draft) {
        Instant now = Instant.now();
        Letter letter = new Letter();
        apply(letter, draft);
        letter.slug = draft.slug();
        letter.createdAt = now;
        letter.updatedAt = now;
        letter.persist();
        return letter;
    }

    @Transactional
    public Letter publish(long letterId) {
        Letter letter = require(letterId);
        letter.publish(Instant.now()).persist();
        return letter;
    }

    @Transactional
    public Letter close(long letterId) {
        Letter letter = require(letterId);
        letter.close(Instant.now());
        return letter;
    }

    @Transactional
    public CampaignUpdate postUpdate(long letterId, LocalDate postedOn, String markdown) {
        Letter letter = require(letterId);
        Instant now = Instant.now();
        CampaignUpdate update = new CampaignUpdate();
        update.letter = letter;
        update.postedOn = postedOn;
        update.bodyMarkdown = markdown;
        update.createdAt = now;
        update.updatedAt = now;
        update.persist();
        return update;
    }

    /**
     * Closes every open letter whose deadline has passed. Runs on one instance at a time; the
     * rows are locked so an organizer's simultaneous change waits rather than being lost.
     *
     * @return the slugs closed, or an empty list when another instance holds the job
     */
    @Transactional
    public List<String> closeExpired() {
        if (!clusterLock.tryLock(ClusterLock.Job.DEADLINE_CLOSER)) {
            return List.of();
        }
        Instant now = Instant.now();
        List<Letter> due = Letter.find("state = ?1 and signDeadline <= ?2", LetterState.OPEN, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
        due.forEach(letter -> letter.close(now));
        return due.stream().map(l -> l.slug).toList();
    }

    private static void apply(Letter letter, LetterDraft draft) {
        letter.title = draft.title();
        letter.addressees = draft.addressees();
        letter.bodyMarkdown = draft.bodyMarkdown();
        letter.coalitionName = draft.coalitionName();
        letter.coalitionContact = draft.coalitionContact();
        letter.signDeadline = draft.signDeadline();
        letter.organizationsMaySign = draft.organizationsMaySign();
        letter.individualsMaySign = draft.individualsMaySign();
        letter.autoApproveIndividuals = draft.autoApproveIndividuals();
    }

    private static Letter require(long letterId) {
        Letter letter = Letter.findById(letterId);
        if (letter == null) {
            throw new NotFoundException();
        }
        return letter;
    }
}
