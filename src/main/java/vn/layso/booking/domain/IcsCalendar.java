package vn.layso.booking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The "Add to calendar" file of a booking (RFC 5545). The event's times are local times with
 * {@code TZID=Asia/Ho_Chi_Minh} and a VTIMEZONE block (UTC+7, no daylight saving), never UTC
 * times, so no calendar moves the appointment by seven hours. DTSTAMP (when the file was made) is
 * the one value RFC 5545 requires in UTC; calendars do not show it.
 */
public final class IcsCalendar {

  public static final String ZONE = "Asia/Ho_Chi_Minh";
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

  private IcsCalendar() {
  }

  public static String event(String uid, LocalDate date, LocalTime start, LocalTime end, String summary,
                             String location, String description, Instant stamp) {
    StringBuilder ics = new StringBuilder();
    line(ics, "BEGIN:VCALENDAR");
    line(ics, "VERSION:2.0");
    line(ics, "PRODID:-//layso//booking//VI");
    line(ics, "CALSCALE:GREGORIAN");
    line(ics, "METHOD:PUBLISH");
    line(ics, "BEGIN:VTIMEZONE");
    line(ics, "TZID:" + ZONE);
    line(ics, "BEGIN:STANDARD");
    line(ics, "DTSTART:19700101T000000");
    line(ics, "TZOFFSETFROM:+0700");
    line(ics, "TZOFFSETTO:+0700");
    line(ics, "TZNAME:ICT");
    line(ics, "END:STANDARD");
    line(ics, "END:VTIMEZONE");
    line(ics, "BEGIN:VEVENT");
    line(ics, "UID:" + uid);
    line(ics, "DTSTAMP:" + stamp.atOffset(ZoneOffset.UTC).format(LOCAL) + "Z");
    line(ics, "DTSTART;TZID=" + ZONE + ":" + date.atTime(start).format(LOCAL));
    line(ics, "DTEND;TZID=" + ZONE + ":" + (end.equals(LocalTime.MAX) ? date.plusDays(1).atStartOfDay()
        : date.atTime(end)).format(LOCAL));
    line(ics, "SUMMARY:" + escape(summary));
    line(ics, "LOCATION:" + escape(location));
    line(ics, "DESCRIPTION:" + escape(description));
    line(ics, "BEGIN:VALARM");
    line(ics, "ACTION:DISPLAY");
    line(ics, "TRIGGER:-PT1H");
    line(ics, "DESCRIPTION:" + escape(summary));
    line(ics, "END:VALARM");
    line(ics, "END:VEVENT");
    line(ics, "END:VCALENDAR");
    return ics.toString();
  }

  static String escape(String text) {
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r", "").replace("\n", "\\n");
  }

  /** Appends a content line folded at 75 octets (UTF-8 characters never split), ended by CRLF. */
  private static void line(StringBuilder out, String content) {
    int octets = 0;
    int i = 0;
    while (i < content.length()) {
      int cp = content.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      if (octets + size > 75) {
        out.append("\r\n ");
        octets = 1;
      }
      out.appendCodePoint(cp);
      octets += size;
      i += Character.charCount(cp);
    }
    out.append("\r\n");
  }
}
