package org.undersigned.letterpage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import org.undersigned.abuse.FormStamps;
import org.undersigned.letter.CampaignUpdate;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterConfig;
import org.undersigned.letter.LetterState;
import org.undersigned.letter.LetterTexts;
import org.undersigned.letter.Markdown;
import org.undersigned.signing.PublicSignatories;
import org.undersigned.signing.SignOnFormView;
import org.undersigned.web.Dates;
import org.undersigned.web.Language;
import org.undersigned.web.Languages;
import org.undersigned.web.Msg;
import org.undersigned.web.PageLanguage;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads what the public pages show, in the page's languages: the letter's text in the chosen
 * language where a current translation exists, the interface, dates and numbers in the reader's.
 * Only public letters, only approved signatories.
 */
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

    @Inject
    LetterTexts texts;

    @Inject
    Languages languages;

    /** Frozen texts never change, so their HTML is rendered once per digest. */
    private final Map<String, String> bodyHtmlBySha = new ConcurrentHashMap<>();

    @Inject
    LetterDirectory directory;

    @Inject
    org.undersigned.logos.LeadSigners leads;

    public LetterViews.Home home(PageLanguage pl) {
        Instant now = Instant.now();
        Msg msg = languages.msg(pl.ui());
        List<LetterViews.LetterCard> open = Letter.<Letter>list("state", LetterState.OPEN).stream()
                .sorted(Comparator.comparing(Letter::openedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .map(l -> card(l, msg, pl.ui())).toList();
        Instant since = now.minus(config.recentlyDeliveredFor());
        List<LetterViews.LetterCard> delivered = Letter.<Letter>list("state", LetterState.DELIVERED).stream()
                .filter(l -> l.deliveredAt() != null && l.deliveredAt().isAfter(since))
                .sorted(Comparator.comparing(Letter::deliveredAt, Comparator.reverseOrder()))
                .map(l -> card(l, msg, pl.ui())).toList();
        return new LetterViews.Home(open, delivered, pl);
    }

    public LetterViews.LetterPage page(String slug, String requestedKind, PageLanguage pl) {
        Letter letter = publicLetter(slug);
        Msg msg = languages.msg(pl.ui());
        PublicSignatories.Counts counts = countsOf(letter);
        LetterTexts.PublishedText text = texts.text(letter, pl.content());
        String html = bodyHtmlBySha.computeIfAbsent(text.sha256(),
                sha -> markdown.toHtml(text.bodyMarkdown(), Markdown.LETTER_BODY_TOP_HEADING));
        List<LetterViews.Update> updates = CampaignUpdate.forLetter(letter.id).stream()
                .map(u -> new LetterViews.Update(dates.date(u.postedOn, pl.ui()), u.postedOn.toString(),
                        markdown.toHtml(u.bodyIn(text.language()), Markdown.UPDATE_TOP_HEADING)))
                .toList();
        List<PublicSignatories.Signatory> first = signatories.first(letter.id, config.inlineSignatories());
        return new LetterViews.LetterPage(header(letter, text, counts, msg, pl), html, updates, counts,
                first.stream().filter(PublicSignatories.Signatory::organization).toList(),
                first.stream().filter(s -> !s.organization()).toList(),
                counts.total() > first.size(),
                SignOnFormView.blank(letter, requestedKind, FormStamps.PLACEHOLDER, msg, pl), // PageCache writes in a fresh stamp
                partners(letter), leads.of(letter.id), pl, counts.totalText(pl.ui()));
    }

    /** The letter's partners in the editors' order, with the address of each logo. */
    public static List<LetterViews.Partner> partners(Letter letter) {
        return org.undersigned.letter.LetterPartner.ofLetter(letter.id).stream()
                .map(p -> new LetterViews.Partner(p.name(), p.website().orElse(null),
                        p.hasLogo() ? "/letters/" + letter.slug + "/partners/" + p.code() + "/logo.png" : null))
                .toList();
    }

    public LetterViews.SignatoriesPage signatories(String slug, String query, PublicSignatories.Position after,
                                                   PublicSignatories.Position before, int page, PageLanguage pl) {
        Letter letter = publicLetter(slug);
        Msg msg = languages.msg(pl.ui());
        LetterTexts.PublishedText text = texts.text(letter, pl.content());
        PublicSignatories.Counts counts = countsOf(letter);
        PublicSignatories.Page found = signatories.search(letter.id, query, after, before, page, config.pageSize());
        return new LetterViews.SignatoriesPage(header(letter, text, counts, msg, pl), counts, found, pl,
                Dates.number(found.total(), pl.ui()));
    }

    public static Letter publicLetter(String slug) {
        return Letter.findBySlug(slug).filter(l -> l.state().isPublic()).orElseThrow(NotFoundException::new);
    }

    private LetterViews.LetterCard card(Letter letter, Msg msg, Language ui) {
        LetterTexts.PublishedText text = texts.text(letter, ui);
        return new LetterViews.LetterCard(letter.slug, text.title(), text.addressees(), letter.coalitionName,
                countsOf(letter).line(msg, ui), stateNote(letter, Instant.now(), msg, ui),
                text.language().tag(), text.language().dir());
    }

    /** The batched public counts (see PublicTally), or exact ones for a letter not counted yet. */
    public PublicSignatories.Counts countsOf(Letter letter) {
        return directory.find(letter.slug).filter(e -> e.listVersion() >= 0).map(LetterDirectory.Entry::counts)
                .orElseGet(() -> signatories.counts(letter.id));
    }

    private LetterViews.Header header(Letter letter, LetterTexts.PublishedText text, PublicSignatories.Counts counts,
                                      Msg msg, PageLanguage pl) {
        Instant now = Instant.now();
        String contact = letter.coalitionContact;
        String href = contact.matches("^[^@\\s]+@[^@\\s]+$") ? "mailto:" + contact
                : contact.matches("(?i)^https?://\\S+$") ? contact : null;
        Language ui = pl.ui();
        boolean notTranslated = !text.language().primary().equals(ui.primary()) && text.canonical();
        return new LetterViews.Header(letter.slug, text.title(), text.addressees(), letter.coalitionName, href,
                contact, letter.state().name(), letter.acceptsSignaturesAt(now), stateNote(letter, now, msg, ui),
                dates.date(letter.textChangedAt(), ui), text.version(), text.sha256(), counts.line(msg, ui),
                text.language().tag(), text.language().dir(), !text.canonical(),
                letter.language().locale().getDisplayName(ui.locale()),
                text.language().locale().getDisplayName(ui.locale()), notTranslated,
                ui.locale().getDisplayName(ui.locale()));
    }

    /** What the letter's state means for a reader, in their language. */
    public String stateNote(Letter letter, Instant now, Msg msg, Language ui) {
        return switch (letter.state()) {
            case OPEN -> letter.deadlinePassedAt(now) ? msg.link_closed_title() + "."
                    : letter.signDeadline == null ? null : msg.state_closes(dates.dateTime(letter.signDeadline, ui));
            case CLOSED -> letter.closedAt() == null ? msg.state_closed() : msg.state_closed_on(dates.date(letter.closedAt(), ui));
            case DELIVERED -> {
                String on = dates.date(letter.deliveredAt(), ui);
                String to = letter.deliveredTo();
                String how = letter.deliveredHow();
                yield to == null ? (how == null ? msg.state_delivered(on) : msg.state_delivered_how(on, how))
                        : (how == null ? msg.state_delivered_to(to, on) : msg.state_delivered_to_how(to, on, how));
            }
            case ARCHIVED -> msg.state_archived();
            case DRAFT -> msg.state_draft();
        };
    }
}
