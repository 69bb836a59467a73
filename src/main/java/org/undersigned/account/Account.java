package org.undersigned.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** An admin account: organizers, editors and vetters. Signers have no accounts. */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
    public Long id;

    public String email;
    public String displayName;
    @Enumerated(EnumType.STRING)
    public Role role;
    public String passwordHash;
    public boolean active = true;
    public String inviteTokenHash;
    public Instant inviteExpiresAt;
    public Long invitedBy;
    /** Unused since sign-in is throttled per address and client in memory (SignInThrottle); the columns remain. */
    public int failedSignIns;
    public Instant nextSignInAt;
    public Instant lockedUntil;
    public Instant lastSignInAt;
    public String resetTokenHash;
    public Instant resetExpiresAt;
    public Instant createdAt;
    public Instant updatedAt;

    @Version
    public long version;

    public static Optional<Account> findByEmail(String email) {
        return find("email", normalize(email)).firstResultOptional();
    }

    public static String normalize(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    public boolean invitationPending() {
        return passwordHash == null && inviteTokenHash != null;
    }

    // ----- partner staff (issue 13) -------------------------------------------------------------

    /** For a PARTNER account: the one partner organization whose figures and export it may see. */
    private Long partnerId;

    public java.util.Optional<Long> partnerId() {
        return java.util.Optional.ofNullable(partnerId);
    }

    void assignPartner(Long partnerId) {
        this.partnerId = partnerId;
    }
}
