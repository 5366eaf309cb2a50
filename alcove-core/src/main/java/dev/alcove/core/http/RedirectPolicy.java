package dev.alcove.core.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a redirect may lead: only to http(s), never down from https, and never to a link-local or
 * cloud metadata address, from which an answer would be credentials of the machine, not data. The
 * decision is made on the address alone, before anything is sent there.
 */
public final class RedirectPolicy {

  /** Cloud metadata services by name; their addresses are link-local or listed below. */
  private static final Set<String> METADATA_HOSTS =
      Set.of("metadata.google.internal", "metadata.goog", "metadata", "instance-data");

  /** Metadata addresses outside the link-local ranges (Alibaba, Oracle's second, AWS on IPv6). */
  private static final Set<String> METADATA_ADDRESSES =
      Set.of("100.100.100.200", "192.0.0.192", "fd00:ec2:0:0:0:0:0:254");

  /** Resolves a host name to its addresses; a test may answer without DNS. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final Resolver resolver;

  public RedirectPolicy(Resolver resolver) {
    this.resolver = resolver;
  }

  public static RedirectPolicy standard() {
    return new RedirectPolicy(InetAddress::getAllByName);
  }

  /** Why a redirect from {@code from} to {@code to} must not be followed, if it must not. */
  public Optional<String> refusal(URI from, URI to) {
    String scheme = to.getScheme() == null ? "" : to.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of(
          "redirected to a "
              + (scheme.isEmpty() ? "relative" : scheme + ":")
              + " address, refused: only http(s) is followed");
    }
    if (from.getScheme().equalsIgnoreCase("https") && scheme.equals("http")) {
      return Optional.of("redirected from https to http, refused");
    }
    String host = to.getHost();
    if (host == null || host.isEmpty()) {
      return Optional.of("redirected to an address without a host, refused");
    }
    return refusalOfHost(host);
  }

  /** Why {@code host} must not be asked, if it must not: a metadata service or link-local. */
  public Optional<String> refusalOfHost(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.startsWith("[") && name.endsWith("]")) {
      name = name.substring(1, name.length() - 1);
    }
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    if (METADATA_HOSTS.contains(name)) {
      return Optional.of("redirected to the cloud metadata service " + host + ", refused");
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(name);
    } catch (UnknownHostException e) {
      return Optional.empty(); // the request itself will say it cannot resolve the host
    }
    for (InetAddress address : addresses) {
      if (address.isLinkLocalAddress()
          || METADATA_ADDRESSES.contains(address.getHostAddress().toLowerCase(Locale.ROOT))
          || (address instanceof Inet6Address v6 && isMappedLinkLocal(v6))) {
        return Optional.of(
            "redirected to "
                + host
                + (name.equals(address.getHostAddress())
                    ? ""
                    : " (" + address.getHostAddress() + ")")
                + ", a link-local or cloud metadata address, refused");
      }
    }
    return Optional.empty();
  }

  /** {@code ::ffff:169.254.x.y}: an IPv4 link-local address written as IPv6. */
  private static boolean isMappedLinkLocal(Inet6Address address) {
    byte[] bytes = address.getAddress();
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return bytes[10] == (byte) 0xff
        && bytes[11] == (byte) 0xff
        && bytes[12] == (byte) 169
        && bytes[13] == (byte) 254;
  }
}
