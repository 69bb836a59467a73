package org.undersigned.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.undersigned.jobs.JobRunner;
import org.undersigned.mail.OutboxSender;

import java.time.Instant;
import java.util.Optional;

/** Drives the background work by hand, for tests whose profile stops it running on its own. */
@ApplicationScoped
public class Background {

    @Inject
    OutboxSender sender;

    @Inject
    JobRunner runner;

    /** Sends every email that is due now; returns how many were handled. */
    public int sendDueMail() {
        return sender.drain();
    }

    /**
     * A real SMTP server (GreenMail) on {@code port}, started after whatever earlier tests left
     * in the outbox has been sent, and emptied, so a test sees only its own mail.
     */
    public com.icegreen.greenmail.util.GreenMail freshSmtpServer(int port) {
        var smtp = new com.icegreen.greenmail.util.GreenMail(
                new com.icegreen.greenmail.util.ServerSetup(port, "localhost", com.icegreen.greenmail.util.ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        sendDueMail();
        smtp.reset();
        return smtp;
    }

    /** Runs every claimable job to its end. */
    public void runJobs() {
        Optional<Long> job;
        while ((job = runner.claim()).isPresent()) {
            runner.runSlice(job.get(), Instant.MAX);
        }
    }
}
