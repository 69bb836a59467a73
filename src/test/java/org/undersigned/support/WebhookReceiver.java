package org.undersigned.support;

import com.sun.net.httpserver.HttpServer;
import org.undersigned.webhooks.WebhookSender;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server standing in for an organizer's tool: it records every request it receives
 * and answers with the statuses it is told to (204 once those run out).
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Received(Map<String, List<String>> headers, String body, int answered) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Integer next = answers.poll();
            int status = next == null ? 204 : next;
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public void answerNext(int... statuses) {
        for (int s : statuses) {
            answers.add(s);
        }
    }

    /** Forgets the statuses still to answer: from now on every request gets 204. */
    public void answerNormally() {
        answers.clear();
    }

    /** The next {@code n} requests, running the sender while waiting (the scheduled one runs too). */
    public List<Received> await(int n, WebhookSender sender, Duration within) throws InterruptedException {
        List<Received> got = new ArrayList<>();
        long until = System.nanoTime() + within.toNanos();
        while (got.size() < n && System.nanoTime() < until) {
            sender.sendDue();
            Received r = received.poll(200, TimeUnit.MILLISECONDS);
            if (r != null) {
                got.add(r);
            }
        }
        if (got.size() < n) {
            throw new AssertionError("expected " + n + " deliveries, got " + got.size());
        }
        return got;
    }

    /** Nothing more arrives within {@code quiet}. */
    public boolean nothingMore(WebhookSender sender, Duration quiet) throws InterruptedException {
        long until = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < until) {
            sender.sendDue();
            if (received.poll(200, TimeUnit.MILLISECONDS) != null) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
