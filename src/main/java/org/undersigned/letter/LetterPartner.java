package org.undersigned.letter;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
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
        return p;
    }

    public static List<LetterPartner> ofLetter(long letterId) {
        return list("letterId = ?1 order by position, id", letterId);
    }

    public static Optional<LetterPartner> byCode(long letterId, String code) {
        return find("letterId = ?1 and code = ?2", letterId, code).firstResultOptional();
    }

    void replaceLogo(byte[] png, Instant now) {
        logoPng = png;
        updatedAt = now;
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
