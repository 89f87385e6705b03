package vn.layso.notify.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The ZNS rating message sent to a booked citizen after the service. Its tracking id is
 * {@code rate:<token>}: a random token that stands for the ticket (stored with a TTL), so neither
 * the ticket id (the holder's secret) nor the booking code reaches Zalo; the answer carries it back.
 */
public final class RatingMessages {

  public static final String PREFIX = "rate:";
  private static final char[] SYMBOLS = "23456789abcdefghjkmnpqrstuvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private RatingMessages() {
  }

  /** A fresh token: 20 symbols of 31, about 99 bits. */
  public static String token() {
    char[] out = new char[20];
    for (int i = 0; i < out.length; i++) {
      out[i] = SYMBOLS[RANDOM.nextInt(SYMBOLS.length)];
    }
    return new String(out);
  }

  /** The token inside a tracking id, or null when it is not one of ours. */
  public static String tokenOf(String trackingId) {
    if (trackingId == null || !trackingId.startsWith(PREFIX)) {
      return null;
    }
    String token = trackingId.substring(PREFIX.length());
    return token.matches("[2-9a-hjkmnp-z]{20}") ? token : null;
  }

  public static Notification invitation(String token, String phone, String officeName, String serviceName,
                                        String ticketNumber, LocalDate day, Instant now) {
    return new Notification(PREFIX + token, null, phone, TemplateKey.RATING,
        Map.of("office_name", officeName, "service_name", serviceName, "ticket_number", ticketNumber,
            "schedule_date", day.format(DATE)), now);
  }
}
