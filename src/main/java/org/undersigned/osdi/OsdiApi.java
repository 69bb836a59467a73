package org.undersigned.osdi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.undersigned.web.SiteConfig;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A read API shaped after OSDI (the Open Supporter Data Interface), for CRMs that poll: the
 * public letters as {@code osdi:petitions} and their approved signatures as
 * {@code osdi:signatures}, in HAL+JSON, paged by keyset ({@code after} = the last id seen), behind
 * an API key in the {@code OSDI-API-Token} header. Signatures carry the public entry only (as
 * published on the letter); contact details are never served here. What is and is not
 * OSDI-compatible: docs/integrations.md.
 */
@Path("/api/osdi/v1")
@Produces(OsdiApi.HAL_JSON)
@Tag(name = "OSDI-shaped read API")
public class OsdiApi {

    public static final String HAL_JSON = "application/hal+json";
    public static final String TOKEN_HEADER = "OSDI-API-Token";
    static final int DEFAULT_PER_PAGE = 25;
    static final int MAX_PER_PAGE = 100;

    @Inject
    ApiKeys keys;

    @Inject
    EntityManager em;

    @Inject
    SiteConfig site;

    @Inject
    ObjectMapper json;

    /** The API entry point: where the collections are. */
    @GET
    public Response entryPoint(@HeaderParam(TOKEN_HEADER) String token) {
        requireKey(token);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("motd", "Undersigned OSDI-shaped read API (petitions and signatures only)");
        body.put("vendor_name", "Undersigned");
        body.put("product_name", "Undersigned");
        body.put("osdi_version", "1.1");
        body.put("_links", Map.of("self", link(api("")), "osdi:petitions", link(api("/petitions")),
                "curies", List.of(Map.of("name", "osdi", "href", "http://opensupporter.github.io/osdi-docs/{rel}", "templated", true))));
        return hal(body);
    }

    @GET
    @Path("petitions")
    @Transactional
    @SuppressWarnings("unchecked")
    public Response petitions(@HeaderParam(TOKEN_HEADER) String token, @RestQuery Long after, @RestQuery("per_page") Integer perPage) {
        requireKey(token);
        int n = perPage(perPage);
        List<Tuple> rows = em.createNativeQuery(PETITIONS + " and l.id > ?1 order by l.id limit ?2", Tuple.class)
                .setParameter(1, after == null ? 0L : after).setParameter(2, n + 1).getResultList();
        List<Map<String, Object>> items = rows.stream().limit(n).map(this::petition).toList();
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", link(api("/petitions") + query(after, n)));
        if (rows.size() > n) {
            links.put("next", link(api("/petitions") + query(((Number) rows.get(n - 1).get("id")).longValue(), n)));
        }
        links.put("osdi:petitions", items.stream().map(p -> link((String) ((Map<?, ?>) ((Map<?, ?>) p.get("_links")).get("self")).get("href"))).toList());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("per_page", n);
        body.put("total_records", ((Number) em.createNativeQuery("select count(*) from letter l where l.state <> 'DRAFT'")
                .getSingleResult()).longValue());
        body.put("_links", links);
        body.put("_embedded", Map.of("osdi:petitions", items));
        return hal(body);
    }

    @GET
    @Path("petitions/{id}")
    @Transactional
    public Response petition(@HeaderParam(TOKEN_HEADER) String token, @RestPath long id) {
        requireKey(token);
        return hal(petition(findPetition(id)));
    }

    @GET
    @Path("petitions/{id}/signatures")
    @Transactional
    @SuppressWarnings("unchecked")
    public Response signatures(@HeaderParam(TOKEN_HEADER) String token, @RestPath long id, @RestQuery Long after,
                               @RestQuery("per_page") Integer perPage) {
        requireKey(token);
        Tuple letter = findPetition(id);
        int n = perPage(perPage);
        // Public columns of approved entries only, as on the letter page.
        List<Tuple> rows = em.createNativeQuery("""
                select s.id, s.kind, s.display_name, s.affiliation, s.website, s.city, s.region, s.country, s.org_type,
                       s.created_at, s.updated_at, s.decided_at
                from signature s
                where s.letter_id = ?1 and s.state = 'APPROVED' and s.id > ?2
                order by s.id limit ?3""", Tuple.class)
                .setParameter(1, id).setParameter(2, after == null ? 0L : after).setParameter(3, n + 1).getResultList();
        String base = api("/petitions/" + id + "/signatures");
        List<Map<String, Object>> items = new ArrayList<>();
        for (Tuple r : rows.subList(0, Math.min(n, rows.size()))) {
            items.add(signature(id, r));
        }
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", link(base + query(after, n)));
        if (rows.size() > n) {
            links.put("next", link(base + query(((Number) rows.get(n - 1).get("id")).longValue(), n)));
        }
        links.put("osdi:petition", link(api("/petitions/" + id)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("per_page", n);
        body.put("total_records", ((Number) letter.get("total_signatures")).longValue());
        body.put("_links", links);
        body.put("_embedded", Map.of("osdi:signatures", items));
        return hal(body);
    }

    private static final String PETITIONS = """
            select l.id, l.slug, l.title, l.addressees, l.body_markdown, l.state, l.created_at, l.updated_at,
                   coalesce(t.organizations, 0) + coalesce(t.individuals, 0) as total_signatures
            from letter l left join letter_tally t on t.letter_id = l.id
            where l.state <> 'DRAFT'""";

    @SuppressWarnings("unchecked")
    private Tuple findPetition(long id) {
        List<Tuple> rows = em.createNativeQuery(PETITIONS + " and l.id = ?1", Tuple.class).setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException();
        }
        return rows.get(0);
    }

    private Map<String, Object> petition(Tuple r) {
        long id = ((Number) r.get("id")).longValue();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("identifiers", List.of("undersigned:" + id));
        p.put("origin_system", "Undersigned");
        p.put("created_date", instant(r.get("created_at")));
        p.put("modified_date", instant(r.get("updated_at")));
        p.put("title", r.get("title"));
        p.put("petition_text", r.get("body_markdown"));
        p.put("browser_url", siteUrl() + "/letters/" + r.get("slug"));
        p.put("total_signatures", ((Number) r.get("total_signatures")).longValue());
        p.put("target", List.of(Map.of("name", r.get("addressees"))));
        p.put("undersigned:state", r.get("state"));
        p.put("_links", Map.of("self", link(api("/petitions/" + id)),
                "osdi:signatures", link(api("/petitions/" + id + "/signatures"))));
        return p;
    }

    private Map<String, Object> signature(long petitionId, Tuple r) {
        long id = ((Number) r.get("id")).longValue();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("identifiers", List.of("undersigned:" + id));
        s.put("origin_system", "Undersigned");
        s.put("created_date", instant(r.get("created_at")));
        s.put("modified_date", instant(r.get("updated_at")));
        Map<String, Object> signatory = new LinkedHashMap<>();
        signatory.put("kind", r.get("kind"));
        signatory.put("name", r.get("display_name"));
        signatory.put("affiliation", r.get("affiliation"));
        signatory.put("website", r.get("website"));
        signatory.put("locality", r.get("city"));
        signatory.put("region", r.get("region"));
        signatory.put("country", r.get("country"));
        signatory.put("organization_type", r.get("org_type"));
        s.put("undersigned:signatory", signatory);
        s.put("_links", Map.of("self", link(api("/petitions/" + petitionId + "/signatures") + "?after=" + (id - 1) + "&per_page=1"),
                "osdi:petition", link(api("/petitions/" + petitionId))));
        return s;
    }

    private void requireKey(String token) {
        if (keys.check(token).isEmpty()) {
            throw new ApiKeyRequired();
        }
    }

    private Response hal(Map<String, Object> body) {
        try {
            return Response.ok(json.writeValueAsString(body), HAL_JSON).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a HAL body is always serializable", e);
        }
    }

    private static int perPage(Integer perPage) {
        return perPage == null ? DEFAULT_PER_PAGE : Math.max(1, Math.min(MAX_PER_PAGE, perPage));
    }

    private static String query(Long after, int perPage) {
        return "?per_page=" + perPage + (after == null ? "" : "&after=" + after);
    }

    private static Map<String, Object> link(String href) {
        return Map.of("href", href);
    }

    private String api(String path) {
        return siteUrl() + "/api/osdi/v1" + path;
    }

    private String siteUrl() {
        return site.publicUrl().replaceAll("/+$", "");
    }

    private static String instant(Object o) {
        if (o == null) {
            return null;
        }
        Instant i = o instanceof Instant x ? x : o instanceof OffsetDateTime odt ? odt.toInstant() : ((java.sql.Timestamp) o).toInstant();
        return i.toString();
    }
}
