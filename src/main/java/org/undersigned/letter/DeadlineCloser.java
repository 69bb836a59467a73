package org.undersigned.letter;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Closes open letters when their sign-on deadline passes. */
@ApplicationScoped
public class DeadlineCloser {

    @Inject
    LetterService letters;

    @Scheduled(every = "${undersigned.letter.deadline-check-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeLettersPastDeadline() {
        List<String> closed = letters.closeExpired();
        if (!closed.isEmpty()) {
            Log.infof("Closed %d letter(s) whose deadline passed: %s", closed.size(), closed);
        }
    }
}
