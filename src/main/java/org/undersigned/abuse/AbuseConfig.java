package org.undersigned.abuse;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "undersigned.abuse")
public interface AbuseConfig {

    /**
     * Reverse proxies (addresses or CIDR ranges, e.g. {@code 10.0.0.0/8}) whose
     * X-Forwarded-For header is believed. Empty: the socket's peer is the client, and the header
     * is ignored (anyone can send it).
     */
    Optional<List<String>> trustedProxies();

    /** A person needs at least this long between the form appearing and posting it. */
    @WithDefault("3s")
    Duration minFillTime();

    /**
     * A form stamp older than this no longer counts as a person's: stamps are not stored, so a
     * bot could otherwise fetch the form once and post with its stamp forever.
     */
    @WithDefault("24h")
    Duration maxFormAge();

    /** Throwaway-mail domains to flag in addition to the shipped list. */
    Optional<List<String>> extraDisposableDomains();

    Alerts alerts();

    /** Emails anonymous requests may cause (sign-on, "email me my link"), per hour. See {@link MailQuota}. */
    SignerMail signerMail();

    /**
     * Rate-limit buckets key IPv6 clients by this leading part of their address (one /64 is
     * usually one household or one server, which can pick any of its 2^64 addresses); IPv4
     * clients are keyed by their whole address.
     */
    @WithDefault("64")
    int ipv6PrefixLength();

    interface SignerMail {
        /** To one address (all letters together). A signer who lost their link still gets one. */
        @WithDefault("4")
        int perRecipient();

        /** About one letter, to anyone. */
        @WithDefault("20000")
        int perLetter();

        /** On this instance, to anyone. */
        @WithDefault("50000")
        int total();
    }

    interface Alerts {
        /** How often recent sign-ons are checked for an unusual share. */
        @WithDefault("1m")
        String checkEvery();

        /** The recent period whose sign-ons are compared. */
        @WithDefault("15m")
        Duration window();

        /** Below this many sign-ons in the window, no share is "unusual". */
        @WithDefault("30")
        int minimumSignOns();

        /** Alert when one IP address or email domain has at least this share of the window's sign-ons. */
        @WithDefault("0.5")
        double share();

        /** After an alert, the same letter, kind and value stay quiet for this long. */
        @WithDefault("6h")
        Duration quietPeriod();

        /**
         * Big mail providers: many genuine signers share them, so they never trigger a domain
         * alert (their IP addresses still can).
         */
        @WithDefault("gmail.com,googlemail.com,outlook.com,hotmail.com,live.com,msn.com,yahoo.com,icloud.com,me.com,"
                + "aol.com,proton.me,protonmail.com,gmx.com,gmx.net,gmx.de,web.de,mail.com,yandex.com,zoho.com,fastmail.com")
        List<String> commonMailDomains();
    }
}
