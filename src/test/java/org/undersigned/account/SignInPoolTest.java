package org.undersigned.account;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Password hashing holds no database connection: with a tiny pool, a burst of sign-in attempts
 * from many addresses leaves public pages working (no 503 for want of a connection).
 */
@QuarkusTest
@TestProfile(SignInPoolTest.TinyPool.class)
class SignInPoolTest {

    public static class TinyPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", "2", "quarkus.datasource.jdbc.min-size", "0",
                    "quarkus.datasource.jdbc.acquisition-timeout", "1S");
        }
    }

    @Inject
    TestData data;

    @Test
    void aBurstOfSignInAttemptsDoesNotStarveThePool() throws Exception {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        ExecutorService pool = Executors.newFixedThreadPool(14);
        try {
            List<Future<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String client = "192.0.2." + (10 + i);
                attempts.add(pool.submit(() -> RestAssured.given().header("X-Forwarded-For", client)
                        .contentType(ContentType.JSON)
                        .body(Map.of("email", TestData.uniqueEmail("guess"), "password", "wrong guess " + client))
                        .post("/api/auth/token").statusCode()));
            }
            Thread.sleep(150);
            List<Future<Integer>> reads = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                reads.add(pool.submit(() -> RestAssured.given().accept("text/html")
                        .get("/letters/" + letter.slug + "/sign").statusCode()));
            }
            for (Future<Integer> r : reads) {
                assertEquals(200, r.get(), "a public page needing the database still answers");
            }
            for (Future<Integer> a : attempts) {
                assertEquals(401, a.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
