package org.undersigned.abuse;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Throwaway-mail services, so vetters can see at a glance that an address will not be reachable
 * next week. A flag for people, not a block: some careful signers use such services on purpose.
 * The shipped list ({@code abuse/disposable-domains.txt}) covers the big services; operators add
 * more with {@code undersigned.abuse.extra-disposable-domains}. Subdomains count as their parent.
 */
@ApplicationScoped
public class DisposableEmails {

    private final Set<String> domains;

    DisposableEmails(AbuseConfig config) {
        Set<String> all = new HashSet<>(load());
        config.extraDisposableDomains().ifPresent(extra -> extra.stream()
                .map(d -> d.strip().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty()).forEach(all::add));
        this.domains = Set.copyOf(all);
    }

    /** {@code domain} as in the part of an address after the @. */
    public boolean isDisposable(String domain) {
        if (domain == null) {
            return false;
        }
        String d = domain.toLowerCase(Locale.ROOT);
        while (true) {
            if (domains.contains(d)) {
                return true;
            }
            int dot = d.indexOf('.');
            if (dot < 0 || d.indexOf('.', dot + 1) < 0) {
                return false; // stop at the registrable part: "com" alone is never on the list
            }
            d = d.substring(dot + 1);
        }
    }

    private static Set<String> load() {
        try (InputStream in = DisposableEmails.class.getResourceAsStream("/abuse/disposable-domains.txt")) {
            if (in == null) {
                throw new IllegalStateException("abuse/disposable-domains.txt is missing from the application");
            }
            Set<String> out = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
