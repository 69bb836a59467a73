package org.undersigned.account;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.undersigned.support.Admins;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Only tokens we signed, for our issuer, still valid, for an active account, get in. */
@QuarkusTest
class TokenTest {

    @Inject
    JwtKeys keys;

    @Inject
    Admins admins;

    @Inject
    AuthConfig config;

    @Inject
    AdminTokens tokens;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tampered", "expired", "wrong-issuer", "unsigned", "other-key", "garbage", "unknown-account"})
    void badTokensAreRefused(String kind) throws Exception {
        String token = switch (kind) {
            case "tampered" -> tamper(Admins.tokenFor(admins.create(Role.ADMIN)));
            case "expired" -> signed(config.issuer(), Instant.now().minusSeconds(120), keys.privateKey(), accountId());
            case "wrong-issuer" -> signed("https://evil.example", Instant.now().plusSeconds(600), keys.privateKey(), accountId());
            case "unsigned" -> unsigned(accountId());
            case "other-key" -> signed(config.issuer(), Instant.now().plusSeconds(600),
                    KeyUtils.generateKeyPair(2048).getPrivate(), accountId());
            case "garbage" -> "not.a.token";
            case "unknown-account" -> signed(config.issuer(), Instant.now().plusSeconds(600), keys.privateKey(), "999999999");
            default -> throw new IllegalArgumentException(kind);
        };
        given().auth().oauth2(token).get("/api/admin/me").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().cookie("undersigned_admin", token).get("/api/admin/letters").then().statusCode(401);
        given().redirects().follow(false).accept("text/html").cookie("undersigned_admin", token).get("/admin")
                .then().statusCode(303).header("Location", containsString("/admin/sign-in"));
    }

    @Test
    void aValidTokenWorksAsBearerAndAsCookie() throws Exception {
        String email = admins.create(Role.VETTER);
        String token = Admins.tokenFor(email);
        given().auth().oauth2(token).get("/api/admin/me").then().statusCode(200).body("email", equalTo(email));
        given().cookie("undersigned_admin", token).get("/api/admin/me").then().statusCode(200);
        // The account's current role decides, not the one written in the token.
        String claimsAdmin = tokens.issue(admins.find(email).id, email, Role.ADMIN, null).token();
        given().auth().oauth2(claimsAdmin).get("/api/admin/me").then().statusCode(200).body("role", equalTo("VETTER"));
        // Correctly signed, but never issued as a session: refused.
        String neverIssued = signed(config.issuer(), Instant.now().plusSeconds(600), keys.privateKey(),
                String.valueOf(admins.find(email).id));
        given().auth().oauth2(neverIssued).get("/api/admin/me").then().statusCode(401);
    }

    @Test
    void publicPagesIgnoreABadCookie() {
        given().cookie("undersigned_admin", "not.a.token").get("/").then().statusCode(200);
    }

    private String accountId() {
        return String.valueOf(admins.find(admins.create(Role.ADMIN)).id);
    }

    private static String signed(String issuer, Instant expires, java.security.PrivateKey key, String subject) {
        return Jwt.issuer(issuer).subject(subject).upn("someone@admins.example").groups(Set.of("ADMIN"))
                .issuedAt(expires.minusSeconds(600)).expiresAt(expires).claim("jti", UUID.randomUUID().toString())
                .jws().sign(key);
    }

    private static String unsigned(String subject) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"iss\":\"https://undersigned.invalid/admin\",\"sub\":\"" + subject
                + "\",\"upn\":\"x@admins.example\",\"groups\":[\"ADMIN\"],\"iat\":" + now + ",\"exp\":" + (now + 600)
                + ",\"jti\":\"x\"}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    /** Changes the payload (role ADMIN → still ADMIN but another subject) without re-signing. */
    private static String tamper(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replaceFirst("\"sub\":\"\\d+\"", "\"sub\":\"1\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }
}
