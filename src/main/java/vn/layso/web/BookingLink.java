package vn.layso.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The booking link an office shares in Zalo or prints as a QR code: {@code <base>/book?office=..&service=..},
 * which opens the booking page with both chosen. The base is found as for {@link TicketLink}.
 */
public final class BookingLink {

  private BookingLink() {
  }

  public static String of(String base, String office, String service) {
    return base + "/book?office=" + URLEncoder.encode(office, StandardCharsets.UTF_8)
        + "&service=" + URLEncoder.encode(service, StandardCharsets.UTF_8);
  }
}
