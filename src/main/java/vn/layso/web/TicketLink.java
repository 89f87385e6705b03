package vn.layso.web;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The address of a citizen's ticket page, {@code <base>/t/<id>}, as its QR code carries it. The base
 * is PUBLIC_URL when set (what citizens' phones reach, behind a proxy too), otherwise the origin the
 * kiosk itself used; a Host header that is not a plain host name or address (and port) is refused
 * rather than put into a code a citizen will follow.
 */
public final class TicketLink {

  private static final Pattern NAME = Pattern.compile(
      "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]{2,45}]");

  private TicketLink() {
  }

  /**
   * The base URL (no trailing slash): {@code publicUrl} when set, else {@code scheme://host[:port]}
   * of the request; null when the request's host is unusable.
   */
  public static String base(String publicUrl, String scheme, String host, int port) {
    if (publicUrl != null) {
      return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }
    String s = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
    if (!s.equals("http") && !s.equals("https") || host == null || host.length() > 253
        || !(NAME.matcher(host).matches() || IPV6.matcher(host).matches())) {
      return null;
    }
    boolean defaultPort = port < 0 || (s.equals("http") && port == 80) || (s.equals("https") && port == 443);
    if (!defaultPort && port > 65535) {
      return null;
    }
    return s + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }

  public static String of(String base, String ticketId) {
    return base + "/t/" + ticketId;
  }
}
