package org.undersigned.press;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterState;

import java.util.List;

/**
 * Re-renders stored PDFs shortly after their list or text changes, in the background, so a
 * reader rarely waits. Each letter is rendered by one instance at a time (see {@link LetterPdfs}).
 */
@ApplicationScoped
public class PdfRefresher {

    @Inject
    LetterPdfs pdfs;

    @Scheduled(every = "${undersigned.press.pdf-refresh-every:5s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshStalePdfs() {
        List<Letter> published = Letter.list("state in ?1",
                List.of(LetterState.OPEN, LetterState.CLOSED, LetterState.DELIVERED, LetterState.ARCHIVED));
        for (Letter letter : published) {
            pdfs.refreshIfStale(letter);
        }
    }
}
