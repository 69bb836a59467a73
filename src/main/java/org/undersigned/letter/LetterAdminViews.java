package org.undersigned.letter;

import static org.undersigned.web.AdminText.admin;

import org.undersigned.web.Notice;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.undersigned.account.LetterAccess;
import org.undersigned.account.SignedInAdmin;
import org.undersigned.infra.ShippedFonts;
import org.undersigned.web.BarChart;
import org.undersigned.web.Dates;
import org.undersigned.web.FormErrors;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Builds what the admin letter pages show; read-only. */
@ApplicationScoped
public class LetterAdminViews {

    @TemplateData
    public record Summary(long id, String slug, String title, String state, long pending, long approved,
                          String deadline) {
    }

    @TemplateData
    public record Editor(Long id, String state, Long version, LetterForm form, FormErrors errors, String previewHtml,
                         boolean published, long onEarlierVersion, Integer currentVersion, Integer reconsentSent) {
        Editor withVersion(Long v) {
            return new Editor(id, state, v, form, errors, previewHtml, published, onEarlierVersion, currentVersion,
                    reconsentSent);
        }

        Editor withReconsentSent(Integer n) {
            return new Editor(id, state, version, form, errors, previewHtml, published, onEarlierVersion, currentVersion, n);
        }

        public boolean isNew() {
            return id == null;
        }

        /** After asking earlier signers to reconsent: how many were emailed. */
        public Notice notice() {
            return reconsentSent == null ? null : Notice.success(Notice.msg().notice_reconsent_sent(reconsentSent));
        }
    }

    @TemplateData
    public record Overview(long id, String slug, String title, String addressees, String state, Integer version,
                           String deadline, String stateNote, Map<String, Long> counts, long onEarlierVersion,
                           BarChart perDay, BarChart byRegion, boolean mayEdit, boolean mayVet, boolean mayManage,
                           boolean canPublish, boolean canClose, boolean canReopen, boolean canDeliver,
                           boolean canArchive, boolean isPublic, String today, List<String> unprintable,
                           List<PartnerRow> partners) {
    }

    /** Sign-ons that came through one partner's link (issue 13), from the maintained totals. */
    @TemplateData
    public record PartnerRow(long id, String name, String code, long signedOn, long pendingReview, long approved,
                             boolean retired, String website, boolean logo) {
    }

    @TemplateData
    public record UpdateRow(long id, String postedOn, String markdown, String html) {
    }

    @Inject
    SignatureFacts facts;

    /** Which characters the letter PDF cannot print: the editor hears before publishing. */
    @Inject
    ShippedFonts fonts;

    @Inject
    Markdown markdown;

    @Inject
    Dates dates;

    @Inject
    LetterAccess access;

    /** The letters this admin is on (all of them for admins, and where no access list names anyone). */
    public List<Summary> summaries(org.undersigned.account.SignedInAdmin admin) {
        return Letter.<Letter>listAll().stream()
                .filter(l -> access.allows(admin, l.id, LetterAccess.Capability.READ))
                .sorted(Comparator.comparing((Letter l) -> l.state().ordinal()).thenComparing(l -> l.updatedAt, Comparator.reverseOrder()))
                .map(l -> {
                    Map<String, Long> counts = facts.countsByState(l.id);
                    return new Summary(l.id, l.slug, l.title, l.state().name(), counts.get("PENDING_REVIEW"),
                            counts.get("APPROVED"), dates.dateTime(l.signDeadline));
                })
                .toList();
    }

    public Editor editor(Letter letter, LetterForm form, FormErrors errors, boolean preview) {
        String html = preview ? markdown.toHtml(form.bodyMarkdown(), Markdown.LETTER_BODY_TOP_HEADING) : null;
        if (letter == null) {
            return new Editor(null, "DRAFT", null, form, errors, html, false, 0, null, null);
        }
        boolean published = letter.state() != LetterState.DRAFT;
        long earlier = published ? facts.liveOnEarlierVersion(letter.id, letter.currentVersion()) : 0;
        return new Editor(letter.id, letter.state().name(), letter.version, form, errors, html, published, earlier,
                letter.currentVersion(), null);
    }

    public Overview overview(long letterId, SignedInAdmin admin) {
        Letter l = LetterService.require(letterId);
        Instant now = Instant.now();
        LetterState s = l.state();
        boolean mayEdit = access.allows(admin, l.id, LetterAccess.Capability.EDIT);
        List<BarChart.Point> days = facts.signOnsPerDay(l.id, 30).stream()
                .map(d -> new BarChart.Point(d.day().toString().substring(5), d.count())).toList();
        List<BarChart.Point> regions = facts.approvedByRegion(l.id, 15).stream()
                .map(r -> new BarChart.Point(r.region(), r.count())).toList();
        long earlier = l.currentVersion() == null ? 0 : facts.liveOnEarlierVersion(l.id, l.currentVersion());
        return new Overview(l.id, l.slug, l.title, l.addressees, s.name(), l.currentVersion(),
                dates.dateTime(l.signDeadline), stateNote(l, now), facts.countsByState(l.id), earlier,
                BarChart.columns("per-day", "Sign-ons per day, last 30 days", days),
                BarChart.rows("by-region", "Approved signatories by state or region", regions),
                mayEdit, access.allows(admin, l.id, LetterAccess.Capability.VET), admin.role().mayManageAccounts(),
                mayEdit && s.canMoveTo(LetterState.OPEN) && s == LetterState.DRAFT,
                mayEdit && s == LetterState.OPEN,
                mayEdit && s == LetterState.CLOSED,
                mayEdit && s.canMoveTo(LetterState.DELIVERED),
                mayEdit && s.canMoveTo(LetterState.ARCHIVED),
                s.isPublic(), dates.today().toString(),
                fonts.unprintableLabels(l.title, l.addressees, l.bodyMarkdown, l.coalitionName), partnerRows(l.id));
    }

    /** Every partner of the letter with its counts (zeros for a partner nobody came through yet); retired ones last. */
    public List<PartnerRow> partnerRows(long letterId) {
        java.util.Map<Long, SignatureFacts.PartnerCount> counts = facts.countsByPartner(letterId);
        return LetterPartner.allOfLetter(letterId).stream().map(p -> {
            SignatureFacts.PartnerCount c = counts.getOrDefault(p.id(), new SignatureFacts.PartnerCount(p.id(), 0, 0, 0));
            return new PartnerRow(p.id(), p.name(), p.code(), c.signedOn(), c.pendingReview(), c.approved(), p.retired(),
                    p.website().orElse(null), p.hasLogo());
        }).toList();
    }

    public List<UpdateRow> updates(long letterId) {
        return CampaignUpdate.forLetter(letterId).stream()
                .map(u -> new UpdateRow(u.id, u.postedOn.toString(), u.bodyMarkdown,
                        markdown.toHtml(u.bodyMarkdown, Markdown.UPDATE_TOP_HEADING)))
                .toList();
    }

    private String stateNote(Letter l, Instant now) {
        return switch (l.state()) {
            case DRAFT -> admin().letter_state_draft();
            case OPEN -> l.deadlinePassedAt(now) ? admin().letter_state_open_deadline_passed()
                    : admin().letter_state_open(l.signDeadline == null ? null : dates.dateTime(l.signDeadline));
            case CLOSED -> admin().letter_state_closed(dates.date(l.closedAt()));
            case DELIVERED -> admin().letter_state_delivered(l.deliveredTo(), dates.date(l.deliveredAt()), l.deliveredHow());
            case ARCHIVED -> admin().letter_state_archived(dates.date(l.archivedAt()));
        };
    }
}
