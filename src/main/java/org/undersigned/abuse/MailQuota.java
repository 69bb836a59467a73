package org.undersigned.abuse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.undersigned.infra.AppSecrets;
import org.undersigned.infra.EmailAddresses;
import org.undersigned.infra.Hashing;

import java.time.Duration;

/**
 * How many emails anonymous requests may cause, so nobody can use sign-on or "email me my link"
 * to flood a third party's mailbox: per recipient address, per letter and in total, each per
 * hour (token buckets refilled evenly over the hour). Over a limit the email is simply not
 * sent; the requester's answer does not change, so the limit reveals nothing.
 * <p>
 * Recipients are keyed by HMAC-SHA256 of the normalized address under a key all instances share
 * ({@link AppSecrets}), so no address is held for the limit. Buckets live in memory on each
 * instance, like the rate limits: with N instances an address can receive at most N times the limit.
 * Emails that follow an admin's decision (approval, rejection, text change) are not counted.
 */
@ApplicationScoped
public class MailQuota {

    @Inject
    AbuseConfig config;

    @Inject
    AppSecrets secrets;

    private final Cache<String, Bucket> recipients = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(2)).maximumSize(500_000).build();
    private final Cache<Long, Bucket> letters = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(2)).maximumSize(10_000).build();
    private volatile Bucket total;
    private volatile byte[] key;

    /**
     * Takes one email from every quota the email counts against; false (and nothing taken) when
     * any of them is used up.
     */
    public synchronized boolean tryTake(String email, long letterId) {
        AbuseConfig.SignerMail limits = config.signerMail();
        Bucket perRecipient = recipients.get(recipientKey(email), k -> hourly(limits.perRecipient()));
        Bucket perLetter = letters.get(letterId, k -> hourly(limits.perLetter()));
        Bucket all = total();
        if (perRecipient.getAvailableTokens() < 1 || perLetter.getAvailableTokens() < 1 || all.getAvailableTokens() < 1) {
            return false;
        }
        perRecipient.tryConsume(1);
        perLetter.tryConsume(1);
        all.tryConsume(1);
        return true;
    }

    /** The name the quota knows an address by: a keyed hash of its normalized form. */
    String recipientKey(String email) {
        String normalized = EmailAddresses.normalize(email);
        return Hashing.hmacSha256Hex(key(), normalized == null ? "" : normalized);
    }

    private Bucket total() {
        Bucket b = total;
        if (b == null) {
            b = hourly(config.signerMail().total());
            total = b;
        }
        return b;
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            k = secrets.get("signer-mail-quota");
            key = k;
        }
        return k;
    }

    private static Bucket hourly(int perHour) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build())
                .build();
    }
}
