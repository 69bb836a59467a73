package org.undersigned.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long personal data is kept. Every period is counted from the event named. */
@ConfigMapping(prefix = "undersigned.retention")
public interface RetentionConfig {

    /** After a letter is delivered (or archived without delivery), its signers' contact details are removed. */
    @WithDefault("180d")
    Duration contactDetailsAfterDelivery();

    /** Client addresses serve abuse checks only; removed this long after the sign-on. */
    @WithDefault("30d")
    Duration clientAddresses();

    /** Sent (or finally failed) emails are deleted from the outbox this long after they were queued. */
    @WithDefault("30d")
    Duration sentEmails();

    /** Uploaded CSV files are deleted this long after their last change (the imported rows stay). */
    @WithDefault("7d")
    Duration importUploads();

    /** How often the retention job runs. */
    @WithDefault("1h")
    String runEvery();

    /** Rows changed per statement, so the job never holds long locks on a busy table. */
    @WithDefault("5000")
    int batchSize();
}
