package dev.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.ingest.internal.AddressGuard;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
            "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
            "64:ff9b::127.0.0.1", "64:ff9b::a9fe:a9fe", "64:ff9b:1::1", "::127.0.0.1", "2002:7f00:1::1", "2002:a00:1::",
            "2001:db8::1"})
    void shouldTreatNonPublicAddressesAsPrivate(String literal) throws Exception {
        assertThat(AddressGuard.isPublic(InetAddress.getByName(literal))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "1.1.1.1", "151.101.1.69", "2606:2800:220:1:248:1893:25c8:1946",
            "64:ff9b::5db8:d822", "2002:5db8:d822::1"})
    void shouldTreatPublicAddressesAsPublic(String literal) throws Exception {
        assertThat(AddressGuard.isPublic(InetAddress.getByName(literal))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "[::1]"})
    void shouldNameTheRefusedAddress(String host) throws Exception {
        assertThat(AddressGuard.refusal(host)).hasValueSatisfying(reason -> assertThat(reason).startsWith("refusing private address "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.20.0.0/16", "10.20.30.40", "10.0.0.0/8"})
    void shouldLetAnAllowedNetworkThrough(String network) throws Exception {
        assertThat(AddressGuard.refusal("10.20.30.40", java.util.List.of(AddressGuard.Network.parse(network)))).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void shouldStillRefusePrivateAddressesOutsideTheAllowedNetworks() throws Exception {
        assertThat(AddressGuard.refusal("10.21.0.1", java.util.List.of(AddressGuard.Network.parse("10.20.0.0/16")))).isPresent();
        assertThat(AddressGuard.refusal("127.0.0.1", java.util.List.of(AddressGuard.Network.parse("10.20.0.0/16")))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"intranet.example.com", "10.0.0.0/33", "10.0.0.0/x"})
    void shouldRejectWhatIsNotANetwork(String text) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AddressGuard.Network.parse(text))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
