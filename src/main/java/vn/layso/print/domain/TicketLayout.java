package vn.layso.print.domain;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ticket's layout: lines from top to bottom. A TEXT line holds a template with placeholders
 * ({office}, {number}, {service}, {date}, {time}, {ahead}, {wait}); a line whose placeholder has no
 * value for this ticket (no one ahead once called, no estimate) is left out. QR prints the link to the
 * citizen's page (left out when the server knows no public address); RULE a thin line; SPACE a gap.
 */
public record TicketLayout(String id, List<Line> lines) {

  public static final List<String> PLACEHOLDERS =
      List.of("office", "number", "service", "date", "time", "ahead", "wait");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

  public enum Kind { TEXT, QR, RULE, SPACE }

  /** Text sizes, as pixel heights on 576-dot paper (scaled down for narrower paper). */
  public enum Size {
    SMALL(22), NORMAL(28), LARGE(40), HUGE(180);

    public final int px;

    Size(int px) {
      this.px = px;
    }
  }

  public enum Align { LEFT, CENTER, RIGHT }

  public record Line(Kind kind, String text, Size size, boolean bold, Align align) {
    public Line {
      Objects.requireNonNull(kind, "kind");
      size = size == null ? Size.NORMAL : size;
      align = align == null ? Align.CENTER : align;
      if (kind == Kind.TEXT) {
        if (text == null || text.isBlank() || text.length() > 200) {
          throw new IllegalArgumentException("a text line needs a text of 1-200 characters");
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
          if (!PLACEHOLDERS.contains(m.group(1))) {
            throw new IllegalArgumentException("unknown placeholder {" + m.group(1) + "} in '" + text + "' (known: "
                + PLACEHOLDERS + ")");
          }
        }
      }
    }
  }

  public TicketLayout {
    Objects.requireNonNull(id, "layout id");
    lines = List.copyOf(lines);
    if (lines.isEmpty() || lines.size() > 40) {
      throw new IllegalArgumentException("layout " + id + " needs 1..40 lines");
    }
    if (lines.stream().noneMatch(l -> l.kind() == Kind.TEXT && l.text().contains("{number}"))) {
      throw new IllegalArgumentException("layout " + id + " never prints the {number}");
    }
  }

  static Pattern placeholder() {
    return PLACEHOLDER;
  }
}
