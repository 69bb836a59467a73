package org.undersigned.infra;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Production refuses to start with a missing or unsafe setting, and names it. Development values
 * live in the dev and test profiles only; in production a missing database, public address or
 * sender already fails while the configuration is read (their values refer to settings that
 * production must provide). This check adds the values that would start but misbehave: the
 * development database password, a public address on localhost or without HTTPS, a sender on a
 * reserved domain, generated signing keys, insecure cookies.
 * <p>
 * A deliberate exception (a local test of the packaged application) can be named in
 * {@code undersigned.production-checks.accept-unsafe}: each accepted setting is logged at start.
 */
@ApplicationScoped
public class ProductionSettings {

    private static final Logger LOG = Logger.getLogger(ProductionSettings.class);
    static final String DEV_DB_PASSWORD = "undersigned";
    static final String ACCEPT = "undersigned.production-checks.accept-unsafe";

    /** One setting that is missing or unsafe, and why. */
    public record Problem(String setting, String why) {
        @Override
        public String toString() {
            return setting + ": " + why;
        }
    }

    /** Injected so that its required settings are checked whatever else is used. */
    @jakarta.inject.Inject
    RequiredSettings required;

    void check(@Observes @Priority(1) StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        Config config = ConfigProvider.getConfig();
        Set<String> accepted = Set.copyOf(config.getOptionalValues(ACCEPT, String.class).orElse(List.of()));
        List<Problem> problems = new ArrayList<>();
        for (Problem p : problems(name -> config.getOptionalValue(name, String.class))) {
            if (accepted.contains(p.setting())) {
                LOG.warnf("Unsafe setting accepted by %s: %s", ACCEPT, p);
            } else {
                problems.add(p);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start in production with unsafe or missing settings: "
                    + String.join("; ", problems.stream().map(Problem::toString).toList()));
        }
    }

    /** Every problem with these settings, in the order of the list above. */
    public static List<Problem> problems(Function<String, Optional<String>> setting) {
        List<Problem> out = new ArrayList<>();
        Optional<String> password = setting.apply("quarkus.datasource.password");
        if (password.isEmpty() || password.get().isBlank()) {
            out.add(new Problem("quarkus.datasource.password", "missing (set QUARKUS_DATASOURCE_PASSWORD)"));
        } else if (password.get().equals(DEV_DB_PASSWORD)) {
            out.add(new Problem("quarkus.datasource.password", "is the development password"));
        }
        Optional<String> url = setting.apply("undersigned.site.public-url");
        if (url.isEmpty() || url.get().isBlank()) {
            out.add(new Problem("undersigned.site.public-url", "missing (set UNDERSIGNED_SITE_PUBLIC_URL)"));
        } else {
            String host = host(url.get());
            if (host == null) {
                out.add(new Problem("undersigned.site.public-url", "is not an absolute URL"));
            } else if (isLocal(host)) {
                out.add(new Problem("undersigned.site.public-url", "points at this machine (" + host
                        + "): links in emails would not work"));
            } else if (!url.get().toLowerCase(Locale.ROOT).startsWith("https://")) {
                out.add(new Problem("undersigned.site.public-url", "must use https"));
            }
        }
        Optional<String> from = setting.apply("undersigned.mail.from");
        if (from.isEmpty() || from.get().isBlank()) {
            out.add(new Problem("undersigned.mail.from", "missing (set UNDERSIGNED_MAIL_FROM)"));
        } else if (reservedDomain(from.get())) {
            out.add(new Problem("undersigned.mail.from", "uses a reserved domain nobody can receive mail at"));
        }
        Optional<String> smtp = setting.apply("quarkus.mailer.host");
        if (smtp.isEmpty() || smtp.get().isBlank()) {
            out.add(new Problem("quarkus.mailer.host", "missing (set QUARKUS_MAILER_HOST)"));
        }
        if (setting.apply("quarkus.mailer.mock").map(Boolean::parseBoolean).orElse(false)) {
            out.add(new Problem("quarkus.mailer.mock", "would drop every email"));
        }
        if (setting.apply("undersigned.auth.generate-keys").map(Boolean::parseBoolean).orElse(false)) {
            out.add(new Problem("undersigned.auth.generate-keys", "production needs the configured key pair"));
        }
        if (!setting.apply("undersigned.auth.secure-cookie").map(Boolean::parseBoolean).orElse(true)) {
            out.add(new Problem("undersigned.auth.secure-cookie", "session cookies must be Secure"));
        }
        // Quarkus believes forwarded headers from quarkus.http.proxy.trusted-proxies, the rate limits
        // from undersigned.abuse.trusted-proxies: one list, or a client could be one thing to each.
        if (setting.apply("quarkus.http.proxy.proxy-address-forwarding").map(Boolean::parseBoolean).orElse(false)) {
            Optional<String> ours = setting.apply("undersigned.abuse.trusted-proxies").filter(v -> !v.isBlank());
            if (ours.isEmpty()) {
                out.add(new Problem("undersigned.abuse.trusted-proxies", "forwarded headers are on but no proxy is trusted"
                        + " (set UNDERSIGNED_ABUSE_TRUSTED_PROXIES to the ingress controller's addresses)"));
            } else if (!sameList(ours, setting.apply("quarkus.http.proxy.trusted-proxies"))) {
                out.add(new Problem("quarkus.http.proxy.trusted-proxies", "differs from undersigned.abuse.trusted-proxies"
                        + " (leave it unset: it follows that setting)"));
            } else {
                List<String> misread = items(ours).stream().filter(ProductionSettings::misreadAsHostName).sorted().toList();
                if (!misread.isEmpty()) {
                    out.add(new Problem("undersigned.abuse.trusted-proxies", "write each proxy as an address or a range:"
                            + " Quarkus reads " + misread + " as a host name and would look it up in DNS on every request"
                            + " (write an IPv6 address in brackets, [::1], or as a range, ::1/128)"));
                }
            }
        }
        if (setting.apply("undersigned.webhooks.allow-http").map(Boolean::parseBoolean).orElse(false)) {
            out.add(new Problem("undersigned.webhooks.allow-http", "webhook deliveries (signed, possibly with contact details) must use https"));
        }
        return out;
    }

    private static boolean sameList(Optional<String> a, Optional<String> b) {
        return items(a).equals(items(b));
    }

    private static Set<String> items(Optional<String> list) {
        return Set.copyOf(java.util.Arrays.stream(list.orElse("").split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList());
    }

    /**
     * Quarkus's trusted-proxy list takes a CIDR range, or else "host[:port]": a bare IPv6 address
     * such as {@code ::1} comes out as host ":" and port 1, and a host name as itself — both
     * resolved through DNS for every forwarded request (which, with no DNS server answering, held
     * each request for seconds). An address in brackets or any range is read as written.
     */
    static boolean misreadAsHostName(String entry) {
        if (entry.contains("/") || entry.startsWith("[")) {
            return false;
        }
        return !entry.contains(":") ? org.undersigned.abuse.IpRange.literal(entry).isEmpty() : true;
    }

    private static String host(String url) {
        try {
            URI u = URI.create(url.strip());
            return u.getScheme() == null || u.getHost() == null ? null : u.getHost().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isLocal(String host) {
        return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
                || host.equals("[::1]") || host.equals("::1") || host.equals("0.0.0.0");
    }

    private static boolean reservedDomain(String from) {
        String f = from.strip().toLowerCase(Locale.ROOT);
        if (f.endsWith(">")) {
            f = f.substring(0, f.length() - 1);
        }
        return f.endsWith(".invalid") || f.endsWith(".test") || f.endsWith(".example") || f.endsWith(".localhost")
                || f.endsWith("@example.com") || f.endsWith("@example.org") || f.endsWith("@example.net");
    }
}
