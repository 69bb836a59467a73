package org.undersigned.letter;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the letter's admin pages need to know about its signatures. Implemented by the signing
 * feature, so that letters do not depend on how signatures are stored.
 */
public interface SignatureFacts {

    record DayCount(LocalDate day, long count) {
    }

    record RegionCount(String region, long count) {
    }

    /** Every state's count, zeros included. */
    Map<String, Long> countsByState(long letterId);

    /** Live signatures (not withdrawn, rejected or duplicate) made on a version older than {@code version}. */
    long liveOnEarlierVersion(long letterId, int version);

    /** Sign-ons received per day, oldest first, over the last {@code days} days. */
    List<DayCount> signOnsPerDay(long letterId, int days);

    /** Sign-ons that came through one partner's link: in every state, waiting for review, approved. */
    record PartnerCount(long partnerId, long signedOn, long pendingReview, long approved) {
    }

    /** Per partner of the letter (partners without sign-ons are absent); exact, from the maintained totals. */
    Map<Long, PartnerCount> countsByPartner(long letterId);

    /** Approved signatories by state or region, largest first. */
    List<RegionCount> approvedByRegion(long letterId, int top);
}
