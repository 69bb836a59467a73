package org.undersigned.web;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Browsers get a page, programs get problem+json, nobody gets a stack trace or a class name. */
@QuarkusTest
class ErrorResponsesTest {

    @Test
    void browsersGetAHelpfulPage() {
        given().accept("text/html").get("/letters/no-such-letter").then()
                .statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("<h1>Page not found</h1>"))
                .body(containsString("href=\"/\""))
                .body(not(containsString("Exception")))
                .body(not(containsString("org.undersigned")));
    }

    @Test
    void apiClientsGetProblemJson() {
        given().get("/api/letters/no-such-letter").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"))
                .body("title", equalTo("Page not found"))
                .body("status", equalTo(404));
        given().get("/nowhere/at/all").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void wrongMethodsAndMediaTypesAreExplained() {
        given().contentType("text/plain").body("hello").post("/api/letters/x/signatures").then()
                .statusCode(415).contentType("application/problem+json")
                .body(not(containsString("Exception")));
        given().delete("/api/letters").then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void malformedJsonIsABadRequestNotACrash() {
        given().contentType("application/json").body("{not json").post("/api/letters/x/signatures").then()
                .statusCode(400).contentType("application/problem+json")
                .body(not(containsString("jackson")))
                .body(not(containsString("line:")));
    }
}
