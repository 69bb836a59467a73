package org.undersigned.account;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place per-letter access lists are enforced, for every admin read and write of a
 * letter's data, pages and API alike. The letter comes from the request's address: a letter id
 * ({@code /admin/letters/{id}/…}, {@code /api/admin/letters/{id}/…}), or the letter of the
 * signature ({@code sid}), import ({@code iid}), mailing ({@code mid}) or campaign update ({@code updateId}) it names.
 * Reads need the account to be on the letter at all ({@link LetterAccess.Capability#READ});
 * writes need the capability the resource declares with {@link LetterWrites} (EDIT by default).
 * Role checks ({@code @RolesAllowed}) still come first; services do not repeat this check.
 */
public class LetterAccessFilter {

    private static final Pattern LETTER_PATH = Pattern.compile("^/(?:api/)?admin/letters/(\\d+)(?:/.*)?$");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Map<String, LetterAccess.Capability> WRITES = new ConcurrentHashMap<>();

    @Inject
    LetterAccess access;

    @Inject
    SecurityIdentity identity;

    @Inject
    EntityManager em;

    @ServerRequestFilter
    public void check(ContainerRequestContext context, SimpleResourceInfo resource) {
        String path = context.getUriInfo().getPath();
        if (!(path.startsWith("/admin/") || path.startsWith("/api/admin/")) || resource == null
                || resource.getResourceClass() == null) {
            return;
        }
        Optional<Long> letterId = letterOf(path, context.getUriInfo().getPathParameters());
        if (letterId.isEmpty() || identity.isAnonymous()) {
            return; // no letter named, or not signed in: role checks answer
        }
        SignedInAdmin admin = identity.getAttribute(ActiveAccountAugmentor.ACCOUNT_ATTRIBUTE);
        if (admin == null) {
            return;
        }
        LetterAccess.Capability needed = SAFE_METHODS.contains(context.getMethod()) ? LetterAccess.Capability.READ
                : WRITES.computeIfAbsent(resource.getResourceClass().getName() + "#" + resource.getMethodName()
                + "/" + resource.parameterTypes().length, k -> writeCapability(resource));
        access.require(admin, letterId.get(), needed);
    }

    private Optional<Long> letterOf(String path, jakarta.ws.rs.core.MultivaluedMap<String, String> params) {
        Matcher m = LETTER_PATH.matcher(path);
        if (m.matches()) {
            return Optional.of(Long.parseLong(m.group(1)));
        }
        if (params.containsKey("sid")) {
            return lookUp("select letter_id from signature where id = ?1", params.getFirst("sid"));
        }
        if (params.containsKey("iid")) {
            return lookUp("select letter_id from signature_import where id = ?1", params.getFirst("iid"));
        }
        if (params.containsKey("mid")) {
            return lookUp("select letter_id from mailing where id = ?1", params.getFirst("mid"));
        }
        if (params.containsKey("updateId")) {
            return lookUp("select letter_id from campaign_update where id = ?1", params.getFirst("updateId"));
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private Optional<Long> lookUp(String sql, String id) {
        long value;
        try {
            value = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Optional.empty(); // the resource answers 404
        }
        List<Number> rows = em.createNativeQuery(sql).setParameter(1, value).getResultList();
        return rows.isEmpty() || rows.get(0) == null ? Optional.empty() : Optional.of(rows.get(0).longValue());
    }

    private static LetterAccess.Capability writeCapability(SimpleResourceInfo resource) {
        try {
            Method m = resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes());
            LetterWrites onMethod = m.getAnnotation(LetterWrites.class);
            if (onMethod != null) {
                return onMethod.value();
            }
        } catch (NoSuchMethodException e) {
            // fall through to the class
        }
        for (Class<?> c = resource.getResourceClass(); c != null; c = c.getEnclosingClass()) {
            LetterWrites onClass = c.getAnnotation(LetterWrites.class);
            if (onClass != null) {
                return onClass.value();
            }
        }
        return LetterAccess.Capability.EDIT;
    }
}
