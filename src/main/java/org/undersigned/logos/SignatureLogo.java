package org.undersigned.logos;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.undersigned.web.IllegalTransitionException;

import java.time.Instant;
import java.util.Optional;

/**
 * The logo an organization sent with its sign-on, re-encoded ({@link LogoImage}); shown on the
 * letter only once a vetter approved it. Removing it deletes the image.
 */
@Entity
@Table(name = "signature_logo")
public class SignatureLogo extends PanacheEntityBase {

    @Id
    private Long signatureId;
    private Long letterId;
    @Enumerated(EnumType.STRING)
    private LogoState state;
    private byte[] png;
    private Integer width;
    private Integer height;
    private Instant uploadedAt;
    private Instant decidedAt;
    private Long decidedBy;

    protected SignatureLogo() {
    }

    static SignatureLogo uploaded(long signatureId, long letterId, LogoImage.Encoded image, Instant now) {
        SignatureLogo logo = new SignatureLogo();
        logo.signatureId = signatureId;
        logo.letterId = letterId;
        logo.state = LogoState.PENDING;
        logo.png = image.png();
        logo.width = image.width();
        logo.height = image.height();
        logo.uploadedAt = now;
        return logo;
    }

    void approve(Instant now, Long by) {
        moveTo(LogoState.APPROVED, now, by);
    }

    /** The image is deleted, not hidden: nothing of it is kept. */
    void remove(Instant now, Long by) {
        moveTo(LogoState.REMOVED, now, by);
        png = null;
        width = null;
        height = null;
    }

    private void moveTo(LogoState target, Instant now, Long by) {
        if (!state.canMoveTo(target)) {
            throw new IllegalTransitionException("logo", state, target);
        }
        state = target;
        decidedAt = now;
        decidedBy = by;
    }

    public long signatureId() {
        return signatureId;
    }

    public long letterId() {
        return letterId;
    }

    public LogoState state() {
        return state;
    }

    public Optional<byte[]> png() {
        return Optional.ofNullable(png);
    }
}
