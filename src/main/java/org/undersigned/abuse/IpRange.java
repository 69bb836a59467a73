package org.undersigned.abuse;

import io.netty.util.NetUtil;

import java.util.Arrays;
import java.util.Optional;

/** An IP address or CIDR range ({@code 10.0.0.0/8}, {@code 2001:db8::/32}), IPv4 or IPv6. */
public record IpRange(byte[] network, int prefixLength) {

    public static IpRange parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        byte[] address = literal(slash < 0 ? s : s.substring(0, slash))
                .orElseThrow(() -> new IllegalArgumentException("Not an IP address or range: " + text));
        int prefix = slash < 0 ? address.length * 8 : Integer.parseInt(s.substring(slash + 1));
        if (prefix < 0 || prefix > address.length * 8) {
            throw new IllegalArgumentException("Bad prefix length in " + text);
        }
        return new IpRange(address, prefix);
    }

    /**
     * The bytes of an IP literal, or empty if the text is anything else. Never resolves a host
     * name: {@code InetAddress.getByName} would, and a header value must not cause DNS lookups.
     */
    public static Optional<byte[]> literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(s);
        if (bytes != null && bytes.length == 16 && isV4Mapped(bytes)) {
            bytes = Arrays.copyOfRange(bytes, 12, 16);
        }
        return Optional.ofNullable(bytes);
    }

    /**
     * What a rate-limit bucket is keyed by: an IPv4 address as it is, an IPv6 address reduced to
     * its first {@code ipv6Prefix} bits ("2001:db8:1:2::/64"), because whoever holds one such
     * network can choose among all its addresses.
     */
    public static String bucketKey(String ip, int ipv6Prefix) {
        Optional<byte[]> bytes = literal(ip);
        if (bytes.isEmpty()) {
            return ip == null ? "" : ip;
        }
        byte[] b = bytes.get();
        if (b.length == 4) {
            return NetUtil.bytesToIpAddress(b);
        }
        int prefix = Math.max(0, Math.min(128, ipv6Prefix));
        byte[] masked = new byte[16];
        int full = prefix / 8;
        System.arraycopy(b, 0, masked, 0, full);
        if (prefix % 8 != 0) {
            masked[full] = (byte) (b[full] & ((0xFF << (8 - prefix % 8)) & 0xFF));
        }
        return NetUtil.bytesToIpAddress(masked) + "/" + prefix;
    }

    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[full] & mask) == (network[full] & mask);
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpRange r && r.prefixLength == prefixLength && Arrays.equals(r.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        return NetUtil.bytesToIpAddress(network) + "/" + prefixLength;
    }
}
