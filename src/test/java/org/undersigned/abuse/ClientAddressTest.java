package org.undersigned.abuse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which address a request comes from, with and without trusted proxies. */
class ClientAddressTest {

    private static final List<IpRange> PROXIES = List.of(IpRange.parse("10.0.0.0/8"), IpRange.parse("127.0.0.1"));

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals("203.0.113.9", ClientAddress.resolve("203.0.113.9", List.of("198.51.100.1"), List.of()));
    }

    @Test
    void aPeerThatIsNotATrustedProxyCannotChooseItsAddress() {
        assertEquals("203.0.113.9", ClientAddress.resolve("203.0.113.9", List.of("198.51.100.1"), PROXIES));
    }

    @Test
    void behindATrustedProxyTheRightmostUntrustedHopIsTheClient() {
        // The client wrote "6.6.6.6" itself; our proxy appended the real peer, 198.51.100.1.
        assertEquals("198.51.100.1", ClientAddress.resolve("10.1.2.3", List.of("6.6.6.6, 198.51.100.1"), PROXIES));
        // Two proxies of ours in a row.
        assertEquals("198.51.100.1", ClientAddress.resolve("10.1.2.3", List.of("198.51.100.1", "10.9.9.9"), PROXIES));
        // Ports and IPv6 brackets.
        assertEquals("198.51.100.1", ClientAddress.resolve("127.0.0.1", List.of("198.51.100.1:4711"), PROXIES));
        assertEquals("2001:db8::1", ClientAddress.resolve("127.0.0.1", List.of("[2001:db8::1]:4711"), PROXIES));
    }

    @Test
    void garbageInTheChainStopsTheWalk() {
        assertEquals("10.9.9.9", ClientAddress.resolve("10.1.2.3", List.of("evil.example, 10.9.9.9"), PROXIES));
        assertEquals("127.0.0.1", ClientAddress.resolve("127.0.0.1", List.of("<script>"), PROXIES));
    }

    @Test
    void rangesMatchByPrefixAndNeverResolveNames() {
        IpRange r = IpRange.parse("203.0.113.0/24");
        assertTrue(r.contains(IpRange.literal("203.0.113.200").orElseThrow()));
        assertFalse(r.contains(IpRange.literal("203.0.114.1").orElseThrow()));
        assertTrue(IpRange.parse("2001:db8::/32").contains(IpRange.literal("2001:db8:ffff::1").orElseThrow()));
        assertTrue(IpRange.literal("localhost").isEmpty(), "a host name is not an address, and is not looked up");
        assertTrue(IpRange.literal("::ffff:192.0.2.1").map(b -> b.length == 4).orElse(false), "IPv4-mapped is IPv4");
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse("example.org"));
    }
}
