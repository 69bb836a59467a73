package org.undersigned.signing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.undersigned.mail.MailPriority;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.Optional;

/**
 * The sign-on hot path's one write to the signature table. {@code ON CONFLICT DO NOTHING} makes
 * "is this person already signed up for this organization?" and the insert a single atomic
 * statement, so two identical submissions arriving together still yield one entry.
 */
@ApplicationScoped
public class SignatureInserts {

    private static final String INSERT = """
            insert into signature (id, letter_id, letter_version, kind, state, source,
                display_name, affiliation, website, website_domain, city, region, country, org_type, sort_key, name_key,
                contact_name, contact_title, email, email_normalized, phone, consent_public, consent_updates,
                confirm_token_hash, confirm_expires_at, created_at, updated_at, client_ip, bot_signal, disposable_email,
                partner_id, consent_share_with_partner, category_id, sort_name, text_language, text_sha256, language, version)
            values (nextval('signature_seq'), ?, ?, ?, ?, ?,
                ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                ?, ?, ?, ?, ?, ?, ?,
                ?, ?, ?, ?, ?::inet, ?, ?,
                ?, ?, ?, ?, ?, ?, ?, 0)
            on conflict (letter_id, kind, email_normalized, name_key) where state <> 'WITHDRAWN' do nothing
            returning id""";

    @Inject
    EntityManager em;

    /** Agroal's pool: a connection taken inside a transaction is enlisted in it, without a Hibernate session. */
    @Inject
    javax.sql.DataSource dataSource;

    /**
     * The sign-on's whole write: the signature and its confirmation email in one statement and
     * one round trip ({@code WITH … INSERT}). When the signer already has a live entry, neither
     * row is written.
     *
     * @return the new signature's id, or empty when the signer already had a live entry
     */
    public Optional<Long> insertWithEmail(Signature s, SignerEmails.Draft email) {
        String sql = "with s as (" + INSERT + ") "
                + "insert into outbox_email (id, priority, kind, recipient, subject, body_text, created_at, next_attempt_at, attempts, signature_id) "
                + "select nextval('outbox_email_seq'), " + MailPriority.LINK.level() + ", ?, ?, ?, ?, ?, ?, 0, s.id from s returning signature_id";
        try (java.sql.Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(sql)) {
            int i = bind(ps, s);
            ps.setString(i++, email.kind());
            ps.setString(i++, email.recipient());
            ps.setString(i++, email.subject());
            ps.setString(i++, email.body());
            setInstant(ps, i++, s.createdAt());
            setInstant(ps, i, s.createdAt());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
        } catch (java.sql.SQLException e) {
            throw new jakarta.persistence.PersistenceException("inserting a sign-on failed", e);
        }
    }

    /** The new entry's id, or empty when a live entry for the same signer already exists. */
    public Optional<Long> insertIfNew(Signature s) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
                bind(ps, s);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                }
            }
        });
    }

    /** Binds the signature's values; returns the next parameter index. */
    private static int bind(PreparedStatement ps, Signature s) throws java.sql.SQLException {
        int i = 1;
        ps.setLong(i++, s.letter().id);
        ps.setInt(i++, s.letterVersion());
        ps.setString(i++, s.kind().name());
        ps.setString(i++, s.state().name());
        ps.setString(i++, s.source());
        ps.setString(i++, s.displayName());
        ps.setString(i++, s.affiliation());
        ps.setString(i++, s.website());
        ps.setString(i++, s.websiteDomain());
        ps.setString(i++, s.city());
        ps.setString(i++, s.region());
        ps.setString(i++, s.country());
        ps.setString(i++, s.orgType() == null ? null : s.orgType().name());
        ps.setString(i++, s.sortKey());
        ps.setString(i++, s.nameKey());
        ps.setString(i++, s.contactName());
        ps.setString(i++, s.contactTitle());
        ps.setString(i++, s.email());
        ps.setString(i++, s.emailNormalized());
        ps.setString(i++, s.phone());
        ps.setBoolean(i++, s.consentPublic());
        ps.setBoolean(i++, s.consentUpdates());
        ps.setString(i++, s.confirmTokenHash());
        setInstant(ps, i++, s.confirmExpiresAt());
        setInstant(ps, i++, s.createdAt());
        setInstant(ps, i++, s.updatedAt());
        ps.setString(i++, s.clientIp() == null ? null : s.clientIp().getHostAddress());
        ps.setString(i++, s.botSignal() == null ? null : s.botSignal().name());
        ps.setBoolean(i++, s.disposableEmail());
        ps.setObject(i++, s.partnerId().orElse(null), Types.BIGINT);
        ps.setBoolean(i++, s.sharesContactWithPartner());
        ps.setObject(i++, s.categoryId().orElse(null), Types.BIGINT);
        ps.setString(i++, s.sortName().orElse(null));
        ps.setString(i++, s.textLanguage().map(org.undersigned.web.Language::tag).orElse(null));
        ps.setString(i++, s.textSha256().orElse(null));
        ps.setString(i++, s.language().tag());
        return i;
    }

    private static void setInstant(PreparedStatement ps, int index, java.time.Instant instant) throws java.sql.SQLException {
        if (instant == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, java.time.OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC));
        }
    }
}
