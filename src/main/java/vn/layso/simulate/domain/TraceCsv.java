package vn.layso.simulate.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A day's tickets as CSV (UTF-8, comma-separated, one header line), the simulator's input and
 * output trace format:
 * <pre>
 * issued,field,priority,slot,service_minutes,no_show
 * 07:31:12,ho-tich,0,,6.412,0
 * 07:52:40,dat-dai,0,08:00,14.020,0
 * </pre>
 * <ul>
 *   <li>{@code issued}: when the ticket was issued (an appointment: checked in), HH:mm:ss, office time;</li>
 *   <li>{@code field}: the field's code, as in the scenario;</li>
 *   <li>{@code priority}: 1 for a priority group, else 0 (an appointment is never priority);</li>
 *   <li>{@code slot}: the appointment's slot start HH:mm, empty for a walk-in;</li>
 *   <li>{@code service_minutes}: service time at a counter of speed 1 (decimal point);</li>
 *   <li>{@code no_show}: 1 when the holder was gone when called (then service_minutes is unused).</li>
 * </ul>
 * From a day archive, issued = the ISSUE step, service = COMPLETE - CALL, no_show = outcome NO_SHOW.
 */
public final class TraceCsv {

  public static final String HEADER = "issued,field,priority,slot,service_minutes,no_show";
  /** At most this many lines are read: a generous provincial day is a few thousand. */
  public static final int MAX_LINES = 200_000;

  private TraceCsv() {
  }

  public static void write(List<TraceTicket> tickets, Writer out) throws IOException {
    out.write(HEADER + "\n");
    for (TraceTicket t : tickets) {
      out.write(String.format(Locale.ROOT, "%s,%s,%d,%s,%.3f,%d%n", clock(t.issuedMillis(), true), t.field(),
          t.priority() ? 1 : 0, t.appointment() ? clock(t.slotMillis(), t.slotMillis() % 60_000 != 0) : "",
          t.serviceMinutes(), t.noShow() ? 1 : 0));
    }
  }

  public static List<TraceTicket> read(Reader in) throws IOException {
    BufferedReader reader = new BufferedReader(in);
    String header = reader.readLine();
    if (header == null || !header.strip().replace("\uFEFF", "").equals(HEADER)) {
      throw new IllegalArgumentException("the trace's first line must be: " + HEADER);
    }
    List<TraceTicket> out = new ArrayList<>();
    String line;
    int number = 1;
    while ((line = reader.readLine()) != null) {
      number++;
      if (number > MAX_LINES) {
        throw new IllegalArgumentException("a trace has at most " + MAX_LINES + " lines");
      }
      if (line.isBlank()) {
        continue;
      }
      String[] p = line.split(",", -1);
      try {
        if (p.length != 6) {
          throw new IllegalArgumentException("6 columns expected");
        }
        out.add(new TraceTicket(millis(p[0]), p[1].strip(), flag(p[2]), p[3].isBlank() ? -1 : millis(p[3]),
            Double.parseDouble(p[4].strip()), flag(p[5])));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("trace line " + number + ": " + e.getMessage(), e);
      }
    }
    out.sort(Comparator.comparingLong(TraceTicket::issuedMillis));
    return out;
  }

  private static boolean flag(String text) {
    return switch (text.strip()) {
      case "1" -> true;
      case "0", "" -> false;
      default -> throw new IllegalArgumentException("0 or 1 expected, not " + text);
    };
  }

  static long millis(String hhmmss) {
    String[] p = hhmmss.strip().split(":");
    if (p.length < 2 || p.length > 3) {
      throw new IllegalArgumentException("HH:mm or HH:mm:ss expected, not " + hhmmss);
    }
    int h = Integer.parseInt(p[0]);
    int m = Integer.parseInt(p[1]);
    int s = p.length == 3 ? Integer.parseInt(p[2]) : 0;
    if (h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59) {
      throw new IllegalArgumentException("not a time of day: " + hhmmss);
    }
    return ((h * 60L + m) * 60 + s) * 1000;
  }

  static String clock(long millis, boolean seconds) {
    long s = millis / 1000;
    return seconds ? String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%02d:%02d", s / 3600, s / 60 % 60);
  }
}
