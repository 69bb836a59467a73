package org.undersigned.press;

import jakarta.persistence.Tuple;
import org.undersigned.infra.Sql;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterTexts;
import org.undersigned.web.Language;
import org.undersigned.letterpage.LetterDirectory;
import org.undersigned.signing.PublicSignatories;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The letter PDF, rendered once per (language of its text, text version, approved-list version)
 * and stored in the database so every instance serves the same file: one PDF per language the
 * letter is published in (its own and each current translation). Concurrent requests for a PDF that needs
 * rendering share one render on this instance (single flight), and a PostgreSQL advisory lock
 * per letter makes other instances wait for it and reuse it rather than render again.
 */
@ApplicationScoped
public class LetterPdfs {

    /** Bump when the template or fonts change, so stored PDFs are re-rendered. */
    static final int TEMPLATE_REVISION = 2;
    private static final long LOCK_BASE = 7_200_000_000L;

    /**
     * What a stored PDF was rendered from. {@code settings} fingerprints the letter's own fields the
     * PDF prints beyond its text and list (coalition name and contact, grouping, delivery date), so
     * an editor's change to them re-renders a published letter's PDF as a text change does.
     */
    public record Key(long letterId, String language, int textVersion, long listVersion, String settings) {
        public String etag() {
            return "\"pdf-" + letterId + "-" + language + "-" + textVersion + "-" + listVersion + "-" + settings
                    + "-r" + TEMPLATE_REVISION + "\"";
        }
    }

    /** Per letter and language of its text. */
    private record Slot(long letterId, String language) {
        static Slot of(Key key) {
            return new Slot(key.letterId(), key.language());
        }
    }

    public record StoredPdf(Key key, Instant renderedAt, int renderMillis, byte[] content) {
    }

    private record Served(long rowVersion, long listVersion, StoredPdf pdf) {
    }

    @Inject
    LetterPdfRenderer renderer;

    @Inject
    PdfViews views;

    @Inject
    PublicSignatories signatories;

    @Inject
    EntityManager em;

    @Inject
    ManagedExecutor executor;

    @Inject
    LetterTexts texts;

    /** The newest PDF this instance has served per letter: immutable, so safe to keep in memory. */
    private final ConcurrentHashMap<Slot, StoredPdf> memory = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Slot, Served> served = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, CompletableFuture<StoredPdf>> inFlight = new ConcurrentHashMap<>();

    /** The key of the PDF in this language of the text; a language without a current translation is the letter's own. */
    public Key currentKey(Letter letter, Language language) {
        return QuarkusTransaction.joiningExisting().call(() ->
                new Key(letter.id, texts.text(letter, language).language().tag(), letter.currentVersion(),
                        signatories.listState(letter.id).version(), settingsOf(letter)));
    }

    /** A short fingerprint of the letter's fields printed in the PDF that are neither its text nor its list. */
    static String settingsOf(Letter letter) {
        String printed = String.join("\u0000", String.valueOf(letter.coalitionName), String.valueOf(letter.coalitionContact),
                String.valueOf(letter.pdfGrouping), String.valueOf(letter.deliveredAt()));
        return org.undersigned.infra.Hashing.sha256Hex(printed).substring(0, 12);
    }

    /**
     * The PDF already served for exactly this directory entry (same letter row and list
     * version), so a download needs no database round trip. Only ever recorded with an entry read
     * before the database chose the PDF, so the PDF is never older than the entry says.
     */
    public Optional<StoredPdf> servedFor(LetterDirectory.Entry entry, Language language) {
        Served s = served.get(new Slot(entry.id(), language.tag()));
        return s != null && s.rowVersion() == entry.rowVersion() && s.listVersion() == entry.listVersion()
                ? Optional.of(s.pdf()) : Optional.empty();
    }

    /** As {@link #current(Letter)}, remembering the result for the entry read before it. */
    public StoredPdf current(Letter letter, Language language, LetterDirectory.Entry readBefore) {
        StoredPdf pdf = current(letter, language);
        if (readBefore != null && readBefore.id() == letter.id) {
            served.put(Slot.of(pdf.key()), new Served(readBefore.rowVersion(), readBefore.listVersion(), pdf));
        }
        return pdf;
    }

    /** The PDF for the letter as it is now, rendering it (once) if no instance has yet. */
    public StoredPdf current(Letter letter, Language language) {
        Key key = currentKey(letter, language);
        Slot slot = Slot.of(key);
        StoredPdf known = memory.get(slot);
        if (known != null && known.key().equals(key)) {
            return known;
        }
        Optional<StoredPdf> stored = storedEtag(slot).filter(key.etag()::equals).flatMap(e -> load(slot, key));
        if (stored.isPresent()) {
            memory.put(slot, stored.get());
            return stored.get();
        }
        CompletableFuture<StoredPdf> render = inFlight.computeIfAbsent(key, k -> CompletableFuture
                .supplyAsync(() -> renderAndStore(k, true), executor)
                .whenComplete((pdf, error) -> inFlight.remove(k)));
        try {
            StoredPdf pdf = render.join();
            memory.merge(slot, pdf, (a, b) -> b.key().listVersion() >= a.key().listVersion() ? b : a);
            return pdf;
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * Re-renders a stored PDF whose list or text changed, unless another instance is doing it
     * right now. Used by the background job, so readers rarely wait.
     */
    public boolean refreshIfStale(Letter letter) {
        boolean any = false;
        for (String language : storedLanguages(letter.id)) {
            Key key = currentKey(letter, new Language(language));
            Optional<String> stored = storedEtag(new Slot(letter.id, language));
            if (!key.language().equals(language) || stored.isEmpty() || stored.get().equals(key.etag())) {
                continue; // up to date, or a translation no longer shown (its PDF is simply not served)
            }
            StoredPdf pdf = inFlight.computeIfAbsent(key, k -> CompletableFuture
                    .supplyAsync(() -> renderAndStore(k, false), executor)
                    .whenComplete((p, error) -> inFlight.remove(k))).join();
            if (pdf != null) {
                memory.put(Slot.of(pdf.key()), pdf);
                any = true;
            }
        }
        return any;
    }

    /**
     * A fresh rendering that is not stored, for admins previewing drafts (or any state). In a
     * transaction of its own, like a stored render: the grouped list is read through a cursor.
     */
    public byte[] preview(Letter letter) {
        return QuarkusTransaction.requiringNew().timeout(600).call(() -> renderer.render(views.of(letter, letter.language())));
    }

    private StoredPdf renderAndStore(Key wanted, boolean wait) {
        return QuarkusTransaction.requiringNew().timeout(600).call(() -> {
            String lock = wait ? "select pg_advisory_xact_lock(?1)" : "select pg_try_advisory_xact_lock(?1)";
            Object got = em.createNativeQuery(lock).setParameter(1, LOCK_BASE + wanted.letterId()).getSingleResult();
            if (!wait && !Boolean.TRUE.equals(got)) {
                return null;
            }
            Letter letter = Letter.findById(wanted.letterId());
            Key key = currentKey(letter, new Language(wanted.language()));
            Slot slot = Slot.of(key);
            if (storedEtag(slot).filter(key.etag()::equals).isPresent()) {
                return load(slot, key).orElseThrow(); // another instance rendered it while we waited
            }
            long start = System.nanoTime();
            byte[] content = renderer.render(views.of(letter, new Language(key.language())));
            int millis = (int) ((System.nanoTime() - start) / 1_000_000);
            StoredPdf pdf = new StoredPdf(key, Instant.now(), millis, content);
            em.createNativeQuery("""
                            insert into letter_pdf (letter_id, text_version, list_version, approved_count, etag, rendered_at,
                                                    render_millis, content, language)
                            values (?1, ?2, ?3, 0, ?4, ?5, ?6, ?7, ?8)
                            on conflict (letter_id, language) do update set text_version = excluded.text_version,
                                list_version = excluded.list_version, etag = excluded.etag,
                                rendered_at = excluded.rendered_at, render_millis = excluded.render_millis,
                                content = excluded.content""")
                    .setParameter(1, key.letterId()).setParameter(2, key.textVersion())
                    .setParameter(3, key.listVersion()).setParameter(4, key.etag())
                    .setParameter(5, OffsetDateTime.now()).setParameter(6, millis).setParameter(7, content)
                    .setParameter(8, key.language())
                    .executeUpdate();
            Log.infof("Rendered the PDF of letter %d (%s, text v%d, list v%d): %d bytes in %d ms", key.letterId(),
                    key.language(), key.textVersion(), key.listVersion(), content.length, millis);
            return pdf;
        });
    }

    /** Which version is stored, without fetching the PDF itself (it can be megabytes). */
    @SuppressWarnings("unchecked")
    private List<String> storedLanguages(long letterId) {
        return QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery(
                "select language from letter_pdf where letter_id = ?1").setParameter(1, letterId).getResultList());
    }

    /** The stored PDF's etag (which says what it was rendered from), without fetching the PDF itself. */
    @SuppressWarnings("unchecked")
    private Optional<String> storedEtag(Slot slot) {
        List<String> rows = QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery(
                        "select etag from letter_pdf where letter_id = ?1 and language = ?2")
                .setParameter(1, slot.letterId()).setParameter(2, slot.language()).getResultList());
        return rows.stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    /** The stored PDF if it is exactly the one {@code expected} describes. */
    private Optional<StoredPdf> load(Slot slot, Key expected) {
        long letterId = slot.letterId();
        List<Tuple> rows = QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery(
                        "select etag, rendered_at, render_millis, content from letter_pdf where letter_id = ?1 and language = ?2",
                        Tuple.class)
                .setParameter(1, letterId).setParameter(2, slot.language()).getResultList());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Tuple r = rows.get(0);
        if (!expected.etag().equals(Sql.string(r, "etag"))) {
            return Optional.empty(); // rendered from other settings, or by an older template revision
        }
        return Optional.of(new StoredPdf(expected, Sql.instant(r, "rendered_at"), Sql.intValue(r, "render_millis"),
                r.get("content", byte[].class)));
    }
}
