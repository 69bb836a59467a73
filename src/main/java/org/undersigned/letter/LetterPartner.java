package org.undersigned.letter;

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
import java.util.List;
import java.util.Optional;

/**
 * An organization running the letter together with the coalition ("in partnership with …"). Its
 * code is what its own sign-on link carries ({@code /letters/{slug}/sign?partner=code}); its logo
 * is stored as the server re-encoded it.
 */
@Entity
@Table(name = "letter_partner")
public class LetterPartner extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "letter_partner_seq", sequenceName = "letter_partner_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "letter_partner_seq")
    private Long id;
    private Long letterId;
    private String code;
    private String name;
    private String website;
    private byte[] logoPng;
    private int position;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;
    @Enumerated(EnumType.STRING)
    private PartnerState state;
    private Instant retiredAt;

    protected LetterPartner() {
    }

    static LetterPartner create(long letterId, String code, String name, String website, byte[] logoPng, int position,
                                Instant now) {
        LetterPartner p = new LetterPartner();
        p.letterId = letterId;
        p.code = code;
        p.name = name;
        p.website = website;
        p.logoPng = logoPng;
        p.position = position;
        p.createdAt = now;
        p.updatedAt = now;
        p.state = PartnerState.ACTIVE;
        return p;
    }

    /** The letter's active partners in the editors' order: what the page, the PDF and the public JSON show. */
    public static List<LetterPartner> ofLetter(long letterId) {
        return list("letterId = ?1 and state = ?2 order by position, id", letterId, PartnerState.ACTIVE);
    }

    /** Every partner of the letter, retired ones too (after the active ones): what admins see. */
    public static List<LetterPartner> allOfLetter(long letterId) {
        return list("letterId = ?1 order by state, position, id", letterId);
    }

    /** The active partner with this link code: only an active partner's link attributes sign-ons. */
    public static Optional<LetterPartner> byCode(long letterId, String code) {
        return find("letterId = ?1 and code = ?2 and state = ?3", letterId, code, PartnerState.ACTIVE).firstResultOptional();
    }

    /** Whether any partner of the letter, retired or not, has this code (codes are never reused: old links exist). */
    static boolean codeTaken(long letterId, String code) {
        return count("letterId = ?1 and code = ?2", letterId, code) > 0;
    }

    void replaceLogo(byte[] png, Instant now) {
        logoPng = png;
        updatedAt = now;
    }

    void rename(String name, String website, Instant now) {
        this.name = name;
        this.website = website;
        updatedAt = now;
    }

    void moveTo(int position) {
        this.position = position;
    }

    void retire(Instant now) {
        state = state.moveTo(PartnerState.RETIRED);
        retiredAt = now;
        updatedAt = now;
    }

    void reinstate(Instant now) {
        state = state.moveTo(PartnerState.ACTIVE);
        retiredAt = null;
        updatedAt = now;
    }

    public PartnerState state() {
        return state;
    }

    public boolean retired() {
        return state == PartnerState.RETIRED;
    }

    public int position() {
        return position;
    }

    public long id() {
        return id;
    }

    public long letterId() {
        return letterId;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Optional<String> website() {
        return Optional.ofNullable(website);
    }

    public Optional<byte[]> logo() {
        return Optional.ofNullable(logoPng);
    }

    public boolean hasLogo() {
        return logoPng != null;
    }
}
