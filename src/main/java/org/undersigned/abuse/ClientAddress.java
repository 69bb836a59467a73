package org.undersigned.abuse;

import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/**
 * The address a request really comes from. The socket's peer, unless that peer is a configured
 * trusted proxy: then X-Forwarded-For is read from the right, skipping trusted proxies, and the
 * first address that is not one of ours is the client. (The leftmost entry is whatever the client
 * chose to send, so it is never believed.)
 */
@ApplicationScoped
public class ClientAddress {

    private final List<IpRange> trusted;
    private final int ipv6Prefix;

    ClientAddress(AbuseConfig config) {
        this.ipv6Prefix = config.ipv6PrefixLength();
        this.trusted = config.trustedProxies().orElse(List.of()).stream()
                .filter(s -> !s.isBlank()).map(IpRange::parse).toList();
    }

    /** The client's IP address in its canonical text form. */
    public String of(HttpServerRequest request) {
        // The connection's peer, not request.remoteAddress(): with Quarkus's proxy forwarding on
        // (for scheme and host), the latter is the leftmost X-Forwarded-For entry, which we never believe.
        SocketAddress peer = request.connection() != null ? request.connection().remoteAddress() : request.remoteAddress();
        String socketIp = peer == null ? null : peer.hostAddress();
        return resolve(socketIp, request.headers().getAll("X-Forwarded-For"), trusted);
    }

    /**
     * The client as rate limits count it: an IPv4 address, or the configured prefix of an IPv6
     * one ({@code undersigned.abuse.ipv6-prefix-length}, /64 by default).
     */
    public String bucketOf(HttpServerRequest request) {
        return IpRange.bucketKey(of(request), ipv6Prefix);
    }

    public String bucketKey(String ip) {
        return IpRange.bucketKey(ip, ipv6Prefix);
    }

    static String resolve(String socketIp, List<String> forwardedFor, List<IpRange> trusted) {
        Optional<byte[]> peer = IpRange.literal(socketIp);
        if (peer.isEmpty()) {
            return "0.0.0.0"; // a Unix socket or a test transport: no address to speak of
        }
        if (!isTrusted(peer.get(), trusted) || forwardedFor == null || forwardedFor.isEmpty()) {
            return NetUtil.bytesToIpAddress(peer.get());
        }
        byte[] client = peer.get();
        // Several headers are one comma-separated list (RFC 9110 §5.3), read right to left.
        String[] hops = String.join(",", forwardedFor).split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            Optional<byte[]> hop = IpRange.literal(stripPort(hops[i].strip()));
            if (hop.isEmpty()) {
                break; // garbage in the chain: trust nothing further left
            }
            client = hop.get();
            if (!isTrusted(client, trusted)) {
                break;
            }
        }
        return NetUtil.bytesToIpAddress(client);
    }

    private static boolean isTrusted(byte[] address, List<IpRange> trusted) {
        for (IpRange r : trusted) {
            if (r.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** "203.0.113.7:4711" → "203.0.113.7"; IPv6 with a port comes bracketed: "[2001:db8::1]:4711". */
    private static String stripPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end > 0 ? hop.substring(1, end) : hop;
        }
        int colon = hop.indexOf(':');
        return colon > 0 && hop.indexOf(':', colon + 1) < 0 ? hop.substring(0, colon) : hop;
    }
}
