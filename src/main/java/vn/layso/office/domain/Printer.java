package vn.layso.office.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A ticket printer of an office, reached over raw TCP (ESC/POS, usually port 9100). {@code profile}
 * names a printer profile of printer-config/ (paper width, raster or text mode, cut); {@code kiosks}
 * are the kiosk devices (DEVICE account names) whose tickets it prints: that list is how a kiosk is
 * linked to its printer. {@code baseUrl} is the address the ticket's QR code points at when the
 * server has no PUBLIC_URL (null: none, the ticket prints without a QR code).
 */
public record Printer(String id, String name, String profile, String host, int port, List<String> kiosks,
                      String baseUrl) {

  public static final int DEFAULT_PORT = 9100;
  private static final int MAX_KIOSKS = 100;

  public Printer {
    OfficeRules.requireCode(id, "printer id");
    name = name == null || name.isBlank() ? id : name.strip();
    if (name.length() > 100) {
      throw new IllegalArgumentException("printer " + id + ": name longer than 100 characters");
    }
    OfficeRules.requireCode(profile, "printer " + id + " profile");
    requireHost(id, host);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("printer " + id + ": port must be 1..65535, not " + port);
    }
    kiosks = List.copyOf(Objects.requireNonNullElse(kiosks, List.of()));
    if (kiosks.size() > MAX_KIOSKS) {
      throw new IllegalArgumentException("printer " + id + ": more than " + MAX_KIOSKS + " kiosks");
    }
    var seen = new HashSet<String>();
    for (String kiosk : kiosks) {
      if (kiosk == null || !kiosk.matches("[a-z0-9._-]{2,40}")) {
        throw new IllegalArgumentException("printer " + id + ": kiosk '" + kiosk
            + "' is not a device account name (2-40 characters of a-z 0-9 . _ -)");
      }
      if (!seen.add(kiosk)) {
        throw new IllegalArgumentException("printer " + id + ": kiosk " + kiosk + " listed twice");
      }
    }
    if (baseUrl != null && !baseUrl.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
      throw new IllegalArgumentException("printer " + id + ": baseUrl must be an http(s) URL without query, not '"
          + baseUrl + "'");
    }
    if (baseUrl != null && baseUrl.endsWith("/")) {
      baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
    }
  }

  /** A host name or an IP address (IPv6 without brackets): no scheme, path, port or space. */
  private static void requireHost(String id, String host) {
    if (host == null || host.isEmpty() || host.length() > 253
        || !(host.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?") || isIpv6(host))) {
      throw new IllegalArgumentException("printer " + id + ": host must be a host name or an IP address"
          + " (no http://, no port, no spaces), not '" + host + "'");
    }
  }

  /** An IPv6 literal has two colons at least ("10.0.0.5:9100" is an address with a port, refused). */
  private static boolean isIpv6(String host) {
    return host.matches("[0-9A-Fa-f:.]+") && host.chars().filter(c -> c == ':').count() >= 2;
  }

  public boolean serves(String kiosk) {
    return kiosks.contains(kiosk);
  }
}
