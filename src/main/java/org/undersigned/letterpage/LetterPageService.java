package org.undersigned.letterpage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import org.undersigned.letter.CampaignUpdate;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterConfig;
import org.undersigned.letter.LetterState;
import org.undersigned.letter.LetterVersion;
import org.undersigned.letter.Markdown;
import org.undersigned.signing.PublicSignatories;
import org.undersigned.abuse.FormStamps;
import org.undersigned.signing.SignOnFormView;
import org.undersigned.web.Dates;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reads what the public pages show. Only public letters, only approved signatories. */
@ApplicationScoped
public class LetterPageService {

    @Inject
    PublicSignatories signatories;

    @Inject
    Markdown markdown;

    @Inject
    LetterConfig config;

    @Inject
    Dates dates;

    /** Frozen texts never change, so their HTML is rendered once per digest. */
    private final Map<String, String> bodyHtmlBySha = new ConcurrentHashMap<>();

    @Inject
    LetterDirectory directory;

    @Inject
    org.undersigned.logos.LeadSigners leads;

    public LetterViews.Home home() {
        Instant now = Instant.now();
        List<LetterViews.LetterCard> open = Letter.<Letter>list("state", LetterState.OPEN).stream()
                .sorted(Comparator.comparing(Letter::openedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .map(this::card).toList();
        Instant since = now.minus(config.recentlyDeliveredFor());
        List<LetterViews.LetterCard> delivered = Letter.<Letter>list("state", LetterState.DELIVERED).stream()
                .filter(l -> l.deliveredAt() != null && l.deliveredAt().isAfter(since))
                .sorted(Comparator.comparing(Letter::deliveredAt, Comparator.reverseOrder()))
                .map(this::card).toList();
        return new LetterViews.Home(open, delivered);
    }

    public LetterViews.LetterPage page(String slug, String requestedKind) {
        Letter letter = publicLetter(slug);
        PublicSignatories.Counts counts = countsOf(letter);
        LetterVersion version = LetterVersion.find(letter.id, letter.currentVersion()).orElseThrow();
        String html = bodyHtmlBySha.computeIfAbsent(version.sha256,
                sha -> markdown.toHtml(version.bodyMarkdown, Markdown.LETTER_BODY_TOP_HEADING));
        List<LetterViews.Update> updates = CampaignUpdate.forLetter(letter.id).stream()
                .map(u -> new LetterViews.Update(dates.date(u.postedOn), u.postedOn.toString(),
                        markdown.toHtml(u.bodyMarkdown, Markdown.UPDATE_TOP_HEADING)))
                .toList();
        List<PublicSignatories.Signatory> first = signatories.first(letter.id, config.inlineSignatories());
        return new LetterViews.LetterPage(header(letter, version), html, updates, counts,
                first.stream().filter(PublicSignatories.Signatory::organization).toList(),
                first.stream().filter(s -> !s.organization()).toList(),
                counts.total() > first.size(),
                SignOnFormView.blank(letter, requestedKind, FormStamps.PLACEHOLDER), // PageCache writes in a fresh stamp
                partners(letter), leads.of(letter.id));
    }

    /** The letter's partners in the editors' order, with the address of each logo. */
    public static List<LetterViews.Partner> partners(Letter letter) {
        return org.undersigned.letter.LetterPartner.ofLetter(letter.id).stream()
                .map(p -> new LetterViews.Partner(p.name(), p.website().orElse(null),
                        p.hasLogo() ? "/letters/" + letter.slug + "/partners/" + p.code() + "/logo.png" : null))
                .toList();
    }

    public LetterViews.SignatoriesPage signatories(String slug, String query, PublicSignatories.Position after,
                                                   PublicSignatories.Position before, int page) {
        Letter letter = publicLetter(slug);
        LetterVersion version = LetterVersion.find(letter.id, letter.currentVersion()).orElseThrow();
        return new LetterViews.SignatoriesPage(header(letter, version), countsOf(letter),
                signatories.search(letter.id, query, after, before, page, config.pageSize()));
    }

    public static Letter publicLetter(String slug) {
        return Letter.findBySlug(slug).filter(l -> l.state().isPublic()).orElseThrow(NotFoundException::new);
    }

    private LetterViews.LetterCard card(Letter letter) {
        return new LetterViews.LetterCard(letter.slug, letter.title, letter.addressees, letter.coalitionName,
                countsOf(letter).line(), stateNote(letter, Instant.now()));
    }

    /** The batched public counts (see PublicTally), or exact ones for a letter not counted yet. */
    public PublicSignatories.Counts countsOf(Letter letter) {
        return directory.find(letter.slug).filter(e -> e.listVersion() >= 0).map(LetterDirectory.Entry::counts)
                .orElseGet(() -> signatories.counts(letter.id));
    }

    private LetterViews.Header header(Letter letter, LetterVersion version) {
        Instant now = Instant.now();
        String contact = letter.coalitionContact;
        String href = contact.matches("^[^@\\s]+@[^@\\s]+$") ? "mailto:" + contact
                : contact.matches("(?i)^https?://\\S+$") ? contact : null;
        return new LetterViews.Header(letter.slug, version.title, version.addressees, letter.coalitionName, href,
                contact, letter.state().name(), letter.acceptsSignaturesAt(now), stateNote(letter, now),
                dates.date(letter.textChangedAt()), version.number, version.sha256);
    }

    private String stateNote(Letter letter, Instant now) {
        return switch (letter.state()) {
            case OPEN -> letter.deadlinePassedAt(now) ? "Sign-on has closed."
                    : letter.signDeadline == null ? null : "Sign-on closes " + dates.dateTime(letter.signDeadline) + ".";
            case CLOSED -> "Sign-on closed" + (letter.closedAt() == null ? "." : " on " + dates.date(letter.closedAt()) + ".");
            case DELIVERED -> "Delivered" + (letter.deliveredTo() == null ? "" : " to " + letter.deliveredTo())
                    + " on " + dates.date(letter.deliveredAt())
                    + (letter.deliveredHow() == null ? "." : " (" + letter.deliveredHow() + ").");
            case ARCHIVED -> "This letter is archived.";
            case DRAFT -> "Draft.";
        };
    }
}
