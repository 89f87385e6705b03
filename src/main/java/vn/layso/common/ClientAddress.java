package vn.layso.common;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Works out the citizen's address: the socket peer, or, only when that peer is a trusted proxy,
 * the right-most address in X-Forwarded-For that is not itself a trusted proxy.
 */
public final class ClientAddress {

  private record Cidr(byte[] network, int prefix) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int fullBytes = prefix / 8;
      for (int i = 0; i < fullBytes; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }
  }

  private final List<Cidr> trusted;

  private ClientAddress(List<Cidr> trusted) {
    this.trusted = trusted;
  }

  /** Parses a comma-separated list of addresses or CIDR ranges; throws on a malformed entry. */
  public static ClientAddress trusting(String list) {
    if (list == null || list.isBlank()) {
      return new ClientAddress(List.of());
    }
    return new ClientAddress(java.util.Arrays.stream(list.split(","))
        .map(String::strip).filter(s -> !s.isEmpty()).map(ClientAddress::cidr).toList());
  }

  private static Cidr cidr(String entry) {
    String[] parts = entry.split("/", 2);
    byte[] address = literal(parts[0]);
    if (address == null) {
      throw new IllegalArgumentException("not an IP address or CIDR range: " + entry);
    }
    int prefix = address.length * 8;
    if (parts.length == 2) {
      try {
        prefix = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad prefix length in " + entry);
      }
      if (prefix < 0 || prefix > address.length * 8) {
        throw new IllegalArgumentException("bad prefix length in " + entry);
      }
    }
    return new Cidr(address, prefix);
  }

  /** Parses an IP literal without ever doing a DNS lookup; null when it is not one. */
  static byte[] literal(String text) {
    String s = text.strip();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    if (s.isEmpty() || s.length() > 45 || !s.matches("[0-9a-fA-F:.]+")) {
      return null;
    }
    if (!s.contains(":") && !isDottedQuad(s)) {
      return null;
    }
    try {
      return InetAddress.getByName(s).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** Checked here because InetAddress falls back to a DNS lookup for a dotted quad it cannot parse. */
  private static boolean isDottedQuad(String s) {
    if (!s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      return false;
    }
    for (String octet : s.split("\\.")) {
      if (Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return true;
  }

  public boolean isTrusted(String address) {
    byte[] bytes = literal(address);
    return bytes != null && trusted.stream().anyMatch(c -> c.contains(bytes));
  }

  /**
   * The rate-limit bucket of a client address: an IPv4 address stands for itself, an IPv6 address
   * for its /64 (one home or office network gets a /64 and picks addresses in it at will, so a
   * per-address limit would be none). IPv4-mapped IPv6 addresses count as their IPv4 address.
   * Anything that is not an IP literal is its own bucket.
   */
  public static String rateBucket(String address) {
    byte[] bytes = address == null ? null : literal(address);
    if (bytes == null) {
      return address;
    }
    if (bytes.length == 4) {
      return (bytes[0] & 0xFF) + "." + (bytes[1] & 0xFF) + "." + (bytes[2] & 0xFF) + "." + (bytes[3] & 0xFF);
    }
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < 8; i += 2) {
      prefix.append(Integer.toHexString(((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF))).append(':');
    }
    return prefix.append(":/64").toString();
  }

  public String resolve(String peer, String forwardedFor) {
    if (trusted.isEmpty() || forwardedFor == null || !isTrusted(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (literal(hop) == null) {
        return peer;
      }
      if (!isTrusted(hop)) {
        return hop;
      }
    }
    return peer;
  }
}
