package io.leadgate.outbound;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SSRF guard over many addresses, literal and resolved, without touching the network. */
class AddressGuardTest {

    /** A resolver that knows a few names; anything else does not resolve. */
    private static final AddressGuard.Resolver NAMES = host -> {
        Map<String, List<String>> known = Map.of(
                "hooks.example.com", List.of("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"),
                "rebind.example.com", List.of("93.184.216.34", "10.0.0.7"),
                "mapped.example.com", List.of("::ffff:169.254.169.254"),
                "intranet.example.com", List.of("192.168.10.20"),
                "localtest.me", List.of("127.0.0.1"));
        List<String> addresses = known.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        return addresses.stream().map(AddressGuardTest::address).toList();
    };

    private final AddressGuard guard = new AddressGuard(false, NAMES);

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "0.0.0.0", "0.1.2.3", "127.0.0.1", "127.255.255.254", "10.0.0.1", "10.255.255.255", "172.16.0.1",
            "172.31.255.255", "192.168.0.1", "192.168.255.255", "169.254.0.1", "169.254.169.254", "100.64.0.1",
            "100.127.255.255", "192.0.0.170", "198.18.0.1", "198.19.255.255", "224.0.0.1", "239.255.255.250",
            "240.0.0.1", "255.255.255.255",
            "::", "::1", "fc00::1", "fd00::1", "fd00:ec2::254", "fdff:ffff::1", "fe80::1", "febf::1", "fec0::1",
            "ff02::1", "100::1",
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:192.168.1.1", "::ffff:0.0.0.0",
            "::127.0.0.1", "::10.1.1.1", "64:ff9b::a9fe:a9fe", "64:ff9b::7f00:1", "64:ff9b:1::8.8.8.8",
            "2002:7f00:0001::1", "2002:c0a8:0101::1", "2001:0:4136:e378:8000:63bf:80ff:fffe"})
    void refusesLoopbackPrivateLinkLocalMetadataAndTheirIpv6Forms(String literal) {
        assertTrue(AddressGuard.forbidden(raw(literal)), literal + " must be refused");
        String host = literal.contains(":") ? "[" + literal + "]" : literal;
        assertThrows(RefusedTargetException.class, () -> guard.check("https://" + host + "/hook"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.1", "172.15.255.255",
            "172.32.0.1", "192.167.1.1", "169.253.1.1", "198.20.0.1", "223.255.255.254", "11.0.0.1",
            "2606:4700:4700::1111", "2a00:1450:4001:82b::200e", "64:ff9b::808:808", "2002:0808:0808::1",
            "fbff::1", "fe7f::1"})
    void allowsPublicAddresses(String literal) throws Exception {
        assertFalse(AddressGuard.forbidden(raw(literal)), literal + " must be allowed");
        String host = literal.contains(":") ? "[" + literal + "]" : literal;
        AddressGuard.Target target = guard.check("https://" + host + ":8443/hook?x=1");
        assertEquals(8443, target.port());
        assertTrue(target.tls());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost/hook", "http://LOCALHOST./hook", "http://api.localhost:8080/",
            "http://metadata.google.internal/computeMetadata/v1/", "http://metadata/", "http://metadata.goog/",
            "http://instance-data.ec2.internal/", "http://printer.local/"})
    void refusesLocalAndMetadataNamesWithoutResolvingThem(String url) {
        RefusedTargetException e = assertThrows(RefusedTargetException.class, () -> guard.check(url));
        assertTrue(e.getMessage().contains("local or metadata name"), e.getMessage());
    }

    @Test
    void refusesNamesThatResolveToAForbiddenAddressAmongOthers() {
        assertThrows(RefusedTargetException.class, () -> guard.check("https://rebind.example.com/hook"));
        assertThrows(RefusedTargetException.class, () -> guard.check("https://mapped.example.com/hook"));
        assertThrows(RefusedTargetException.class, () -> guard.check("http://intranet.example.com/"));
        assertThrows(RefusedTargetException.class, () -> guard.check("http://localtest.me:9000/"));
    }

    @Test
    void connectsToTheAddressItChecked() throws Exception {
        AddressGuard.Target target = guard.check("https://hooks.example.com/in");
        assertEquals("hooks.example.com", target.host());
        assertEquals(443, target.port());
        assertEquals(address("93.184.216.34"), target.address());
        assertEquals(80, guard.check("http://hooks.example.com/in").port());
    }

    @Test
    void unknownHostIsReportedAsSuch() {
        assertThrows(UnknownHostException.class, () -> guard.check("https://nowhere.example.net/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://hooks.example.com/", "file:///etc/passwd", "/relative/path", "hooks.example.com/x",
            "http:///nohost", "https://exa mple.com/", "gopher://127.0.0.1/"})
    void refusesWhatIsNotAnHttpUrl(String url) {
        assertThrows(RefusedTargetException.class, () -> guard.check(url));
    }

    @Test
    void allowPrivateLetsEverythingThrough() throws Exception {
        AddressGuard open = new AddressGuard(true, NAMES);
        assertEquals(address("127.0.0.1"), open.check("http://127.0.0.1:8081/x").address());
        assertEquals(address("169.254.169.254"), open.check("http://[::ffff:169.254.169.254]/").address());
        assertEquals(address("192.168.10.20"), open.check("http://intranet.example.com/").address());
        assertThrows(RefusedTargetException.class, () -> open.check("ftp://127.0.0.1/"));
    }

    /** The raw bytes of a literal, keeping IPv6 forms the JDK would fold into IPv4 as 16 bytes. */
    private static byte[] raw(String literal) {
        if (!literal.contains(":")) {
            return address(literal).getAddress();
        }
        byte[] bytes = address(literal).getAddress();
        if (bytes.length == 16) {
            return bytes;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(bytes, 0, mapped, 12, 4);
        return mapped;
    }
}
