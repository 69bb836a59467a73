package org.undersigned.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A client that hangs up mid-request is not an error of ours (seen when a load test stops). */
class ClientWentAwayTest {

    @Test
    void anIoFailureReadingTheRequestBodyIsTheClientGoingAway() {
        IOException readFailed = new IOException();
        readFailed.setStackTrace(new StackTraceElement[]{new StackTraceElement(
                "org.jboss.resteasy.reactive.server.vertx.VertxInputStream$VertxBlockingInput", "readBlocking",
                "VertxInputStream.java", 256)});
        assertTrue(ErrorMappers.clientWentAway(new RuntimeException(readFailed)));
    }

    @Test
    void otherIoFailuresStayUnexpected() {
        IOException elsewhere = new IOException("disk full");
        elsewhere.setStackTrace(new StackTraceElement[]{new StackTraceElement(
                "org.undersigned.press.LetterPdfs", "render", "LetterPdfs.java", 1)});
        assertFalse(ErrorMappers.clientWentAway(elsewhere));
        assertFalse(ErrorMappers.clientWentAway(new IllegalStateException()));
    }
}
