package vn.layso.print.domain;

import java.text.Normalizer;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/** Fills a layout with one ticket's facts: the lines a printer prints, in order. */
public final class TicketLines {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private TicketLines() {
  }

  public static List<PrintLine> of(TicketLayout layout, TicketFacts facts) {
    Map<String, String> values = values(facts);
    List<PrintLine> out = new ArrayList<>();
    for (TicketLayout.Line line : layout.lines()) {
      switch (line.kind()) {
        case TEXT -> {
          String text = fill(line.text(), values);
          if (text != null) {
            out.add(new PrintLine(line.kind(), nfc(text), line.size(), line.bold(), line.align()));
          }
        }
        case QR -> {
          if (facts.url() != null) {
            out.add(new PrintLine(line.kind(), facts.url(), line.size(), false, line.align()));
          }
        }
        default -> out.add(new PrintLine(line.kind(), "", line.size(), false, line.align()));
      }
    }
    return out;
  }

  /** Composed form (NFC): one code point per Vietnamese letter, as fonts and code pages expect. */
  public static String nfc(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC);
  }

  private static Map<String, String> values(TicketFacts f) {
    Map<String, String> v = new HashMap<>();
    v.put("office", f.office());
    v.put("number", f.number());
    v.put("service", f.service());
    var local = f.issuedAt().atZone(f.zone());
    v.put("date", DATE.format(local));
    v.put("time", TIME.format(local));
    v.put("ahead", f.ahead() == null ? null : Integer.toString(f.ahead()));
    v.put("wait", f.waitMinutes() == null ? null : Integer.toString(f.waitMinutes()));
    return v;
  }

  /** The template with its placeholders replaced; null when one of them has no value. */
  private static String fill(String template, Map<String, String> values) {
    Matcher m = TicketLayout.placeholder().matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        return null;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString().strip();
  }
}
