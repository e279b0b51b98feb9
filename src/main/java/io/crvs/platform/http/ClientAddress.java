package io.crvs.platform.http;

import java.util.Set;

/**
 * The caller's network address for audit and throttling. {@code X-Forwarded-For} is believed only when the direct
 * peer is a configured reverse proxy; the address taken is the right-most one that is not itself a trusted
 * proxy, since everything left of it can be forged by the client (RFC 9700 §4.13).
 */
public final class ClientAddress {
    private final Set<String> trustedProxies;

    public ClientAddress(Set<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    public String resolve(String peer, String forwardedFor) {
        if (forwardedFor == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        var hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            var hop = hops[i].trim();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
        }
        return peer;
    }
}
