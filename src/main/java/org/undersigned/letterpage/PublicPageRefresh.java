package org.undersigned.letterpage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.undersigned.letter.PublicPageChanged;
import org.undersigned.signing.PublicTally;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * After a change to a letter commits here, its counts and this instance's view of it are
 * refreshed at once, so whoever made the change sees it. At human speed every change is
 * refreshed at once; beyond {@value #IMMEDIATE_PER_SECOND} changes a second on one letter (a
 * viral burst of approvals) further changes are folded into one refresh every
 * {@value #BATCH_MILLIS} ms instead of one recount each.
 */
@ApplicationScoped
public class PublicPageRefresh {

    static final int IMMEDIATE_PER_SECOND = 16;
    static final long BATCH_MILLIS = 250;

    @Inject
    PublicTally tally;

    @Inject
    LetterDirectory directory;

    private final Map<Long, Deque<Long>> recent = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "public-page-refresh");
        t.setDaemon(true);
        return t;
    });

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublicPageChanged change) {
        long id = change.letterId();
        if (takeImmediateSlot(id)) {
            refresh(id);
        } else if (pending.putIfAbsent(id, Boolean.TRUE) == null) {
            later.schedule(() -> {
                pending.remove(id);
                refresh(id);
            }, BATCH_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private boolean takeImmediateSlot(long letterId) {
        long now = System.currentTimeMillis();
        Deque<Long> times = recent.computeIfAbsent(letterId, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() > 1000) {
                times.pollFirst();
            }
            if (times.size() >= IMMEDIATE_PER_SECOND) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    private void refresh(long letterId) {
        tally.recountNow(letterId);
        directory.refresh(letterId);
    }
}
