package org.undersigned.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.undersigned.account.Account;
import org.undersigned.account.Csrf;
import org.undersigned.account.Passwords;
import org.undersigned.account.Role;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Admin accounts for tests, and ways to act as them: a Bearer token for the API, or a browser
 * session (cookie plus the CSRF token its pages carry).
 */
@ApplicationScoped
public class Admins {

    public static final String PASSWORD = "correct horse battery staple";

    public record Session(String email, String cookie, String csrf) {
        /** A request as the browser UI makes it: cookie, and the CSRF field in forms. */
        public RequestSpecification browser() {
            return RestAssured.given().config(SignOnForms.LIKE_A_BROWSER).redirects().follow(false)
                    .accept("text/html").cookie("undersigned_admin", cookie);
        }

        public Response post(String path, Map<String, ?> form) {
            return browser().contentType("application/x-www-form-urlencoded").formParams(form)
                    .formParam("csrf", csrf).post(path);
        }
    }

    private final Map<Role, String> tokens = new ConcurrentHashMap<>();
    private final Map<Role, Session> sessions = new ConcurrentHashMap<>();

    /** A new active account with the test password; returns its email. */
    @jakarta.inject.Inject
    TestData data;

    @jakarta.inject.Inject
    org.undersigned.letter.Coalitions coalitions;

    /** A new active account with the test password; returns its email. Partner staff get a partner of a fresh letter. */
    @Transactional
    public String create(Role role) {
        if (role == Role.PARTNER) {
            long letter = data.open(TestData.LetterOptions.organizationsOnly()).id;
            return createPartnerStaff(coalitions.addPartner(org.undersigned.audit.Actor.SYSTEM, letter,
                    "Staff Partner " + UUID.randomUUID().toString().substring(0, 6), null, null, null).id());
        }
        Account a = new Account();
        a.email = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@admins.example";
        a.displayName = "Test " + role.name().toLowerCase();
        a.role = role;
        a.passwordHash = Passwords.hash(PASSWORD);
        a.createdAt = Instant.now();
        a.updatedAt = a.createdAt;
        a.persist();
        return a.email;
    }

    /** A PARTNER account for this partner (the account is written as a vetter, then given the role with its partner). */
    @Transactional
    public String createPartnerStaff(long partnerId) {
        Account a = new Account();
        a.email = "partner-" + UUID.randomUUID().toString().substring(0, 8) + "@admins.example";
        a.displayName = "Test partner staff";
        a.role = Role.VETTER;
        a.passwordHash = Passwords.hash(PASSWORD);
        a.createdAt = Instant.now();
        a.updatedAt = a.createdAt;
        a.persist();
        a.flush();
        Account.getEntityManager().createNativeQuery("update account set role = 'PARTNER', partner_id = ?1 where id = ?2")
                .setParameter(1, partnerId).setParameter(2, a.id).executeUpdate();
        Account.getEntityManager().detach(a);
        return a.email;
    }

    @Transactional
    public Account find(String email) {
        return Account.findByEmail(email).orElseThrow();
    }

    /** One token per role, reused by tests that only need "someone with this role". */
    public String token(Role role) {
        return tokens.computeIfAbsent(role, r -> tokenFor(create(r)));
    }

    public Session session(Role role) {
        return sessions.computeIfAbsent(role, r -> signIn(create(r)));
    }

    public static String tokenFor(String email) {
        return RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD))
                .post("/api/auth/token").then().statusCode(200).extract().path("token");
    }

    public static Session signIn(String email) {
        String cookie = RestAssured.given().config(SignOnForms.LIKE_A_BROWSER).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("email", email).formParam("password", PASSWORD)
                .post("/admin/sign-in").then().statusCode(303).extract().cookie("undersigned_admin");
        return new Session(email, cookie, Csrf.tokenFor(cookie));
    }

    public RequestSpecification api(Role role) {
        return RestAssured.given().auth().oauth2(token(role)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
