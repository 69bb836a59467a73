package org.undersigned.letterpage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.undersigned.abuse.FormStamps;
import org.undersigned.infra.Hashing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Rendered public pages, kept by a key made of everything they depend on (the letter row's
 * version, the approved-list version, the request's options, the page's languages). A new version is a new key, so
 * nothing is ever invalidated by hand. The ETag is derived from the key, so a matching
 * If-None-Match is answered with 304 without rendering or even looking at the cache; a cached
 * page is answered on the I/O thread without touching the database.
 */
@ApplicationScoped
public class PageCache {

    /** {@code stampAt}: where the sign-on form's time stamp goes, or -1 when the page has no form. */
    record Page(String etag, byte[] body, int stampAt) {
        static Page of(String etag, String html) {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            return new Page(etag, body, indexOf(body, PLACEHOLDER));
        }
    }

    private static final byte[] PLACEHOLDER = FormStamps.PLACEHOLDER.getBytes(StandardCharsets.US_ASCII);

    @Inject
    FormStamps stamps;

    private final Counter hits;
    private final Counter misses;
    private final Counter notModified;

    PageCache(MeterRegistry registry) {
        hits = cacheCounter(registry, "hit");
        misses = cacheCounter(registry, "miss");
        notModified = cacheCounter(registry, "not_modified");
        // What the two caches hold, read at each scrape: a search flood shows here as a full
        // search cache while the page cache keeps its entries.
        for (String cache : new String[]{"pages", "searches"}) {
            Gauge.builder("undersigned.page.cache.entries", this, c -> c.entries(cache)).tag("cache", cache)
                    .description("Rendered pages held in memory by this instance, per cache").register(registry);
            Gauge.builder("undersigned.page.cache.size", this, c -> c.bytes(cache)).tag("cache", cache).baseUnit("bytes")
                    .description("Bytes of rendered pages held in memory by this instance, per cache").register(registry);
        }
    }

    private static Counter cacheCounter(MeterRegistry registry, String result) {
        return Counter.builder("undersigned.page.cache").tag("result", result)
                .description("Public pages served by this instance: from its cache, rendered, or answered 304").register(registry);
    }

    private final Cache<String, Page> pages = Caffeine.newBuilder()
            .maximumWeight(96L * 1024 * 1024)
            .weigher((String key, Page page) -> page.body().length + key.length())
            .build();

    static final long SEARCH_BYTES = 8L * 1024 * 1024;
    /** Each search result weighs at least this much, so the count is bounded too (at most 2,048). */
    static final int SEARCH_ENTRY_MINIMUM = 4096;

    /** Search results: bounded in memory and count, and short-lived (the same query rarely comes twice). */
    private final Cache<String, Page> searches = Caffeine.newBuilder()
            .maximumWeight(SEARCH_BYTES)
            .weigher((String key, Page page) -> Math.max(SEARCH_ENTRY_MINIMUM, page.body().length + key.length()))
            .expireAfterWrite(java.time.Duration.ofMinutes(5))
            .build();

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev")
    String release;

    /**
     * Weak, because pages with a sign-on form differ in one hidden field (the time they were
     * served) while being the same page in every way that matters to a cache.
     */
    public String etag(String key) {
        return "W/\"" + Hashing.sha256Hex(release + "|" + key).substring(0, 32) + "\"";
    }

    /**
     * @param render produces the page's HTML; it runs on a worker thread inside a read-only
     *               transaction, and only when the page is not cached yet
     */
    public Uni<Response> serve(String key, HttpHeaders headers, Supplier<String> render) {
        return serve(key, headers, render, false);
    }

    /** @param search a search result: kept in the small search cache, never among the pages */
    public Uni<Response> serve(String key, HttpHeaders headers, Supplier<String> render, boolean search) {
        Cache<String, Page> pages = search ? searches : this.pages;
        String etag = etag(key);
        String ifNoneMatch = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag.substring(2)) || ifNoneMatch.strip().equals("*"))) {
            notModified.increment();
            return Uni.createFrom().item(cacheHeaders(Response.notModified(), etag).build());
        }
        Page cached = pages.getIfPresent(key);
        if (cached != null) {
            hits.increment();
            return Uni.createFrom().item(ok(cached));
        }
        misses.increment();
        return Uni.createFrom().item(() -> pages.get(key, k -> Page.of(etag,
                        QuarkusTransaction.requiringNew().call(render::get))))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(this::ok);
    }

    private Cache<String, Page> cache(String name) {
        return name.equals("searches") ? searches : pages;
    }

    private double entries(String name) {
        Cache<String, Page> cache = cache(name);
        cache.cleanUp(); // evictions are applied lazily: settle them so the figure is what is held
        return cache.estimatedSize();
    }

    private double bytes(String name) {
        Cache<String, Page> cache = cache(name);
        cache.cleanUp();
        return cache.asMap().values().stream().mapToLong(p -> p.body().length).sum();
    }

    private Response ok(Page page) {
        byte[] body = page.body();
        if (page.stampAt() >= 0) {
            // Each response gets its own stamp, so a cached page still tells a fast bot from a person.
            body = body.clone();
            byte[] stamp = stamps.issue(Instant.now()).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(stamp, 0, body, page.stampAt(), stamp.length);
        }
        return cacheHeaders(Response.ok(body, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")), page.etag()).build();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * Browsers check back every time (a 304 costs nothing); a CDN may keep a page for two
     * seconds, the same staleness the counts already have.
     */
    private static Response.ResponseBuilder cacheHeaders(Response.ResponseBuilder builder, String etag) {
        // Without ?lang the page follows Accept-Language, so shared caches must key by it too.
        return builder.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, "public, max-age=0, s-maxage=2, must-revalidate")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }
}
