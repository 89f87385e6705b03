package vn.layso.notify.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pre-approved ZNS template: its Zalo id and its parameters with their length limits. Zalo refuses
 * a message whose parameter is longer than the template allows, and a template's text is at most
 * 400 characters; so the data is fitted before it is queued: NFC, trimmed, each field cut to its
 * limit at a word boundary with "…", and the longest fields shortened further while the data's
 * total exceeds {@link #MAX_TOTAL}. A field whose value must not be cut (a booking code) is
 * declared with its exact limit and refused when longer.
 */
public record ZnsTemplate(TemplateKey key, String id, Map<String, Field> fields) {

  public static final int MAX_TOTAL = 400;

  /** A parameter: its limit in characters; {@code exact} ones (codes, dates) are refused, never cut. */
  public record Field(int max, boolean exact) {
    public Field {
      if (max < 1 || max > MAX_TOTAL) {
        throw new IllegalArgumentException("a field's limit must be 1.." + MAX_TOTAL);
      }
    }
  }

  public ZnsTemplate {
    if (id == null || !id.matches("\\d{1,20}")) {
      throw new IllegalArgumentException("template " + key.key() + " needs a numeric ZNS template id");
    }
    fields = Map.copyOf(fields);
  }

  /** The template data Zalo gets: exactly the declared fields, each fitted to its limit. */
  public Map<String, String> fit(Map<String, String> data) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(fields.keySet());
    names.sort(null);
    for (String name : names) {
      String value = data.get(name);
      if (value == null) {
        throw new IllegalArgumentException("template " + key.key() + " needs " + name);
      }
      String clean = Normalizer.normalize(value.strip().replaceAll("\\s+", " "), Normalizer.Form.NFC);
      Field f = fields.get(name);
      if (f.exact() && clean.length() > f.max()) {
        throw new IllegalArgumentException(name + " is longer than " + f.max());
      }
      out.put(name, cut(clean, f.max()));
    }
    int total = out.values().stream().mapToInt(String::length).sum();
    while (total > MAX_TOTAL) {
      String longest = out.entrySet().stream().filter(e -> !fields.get(e.getKey()).exact())
          .max(Map.Entry.comparingByValue(java.util.Comparator.comparingInt(String::length)))
          .map(Map.Entry::getKey).orElseThrow(() -> new IllegalArgumentException("data over " + MAX_TOTAL));
      String v = out.get(longest);
      int target = Math.max(1, v.length() - (total - MAX_TOTAL));
      String shorter = cut(v, target);
      if (shorter.length() >= v.length()) {
        shorter = v.substring(0, Math.max(0, v.length() - 1));
      }
      out.put(longest, shorter);
      total = out.values().stream().mapToInt(String::length).sum();
    }
    return out;
  }

  /** At most {@code max} characters: cut at the last space that keeps half the room, ending in "…". */
  static String cut(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    if (max == 1) {
      return "…";
    }
    int end = max - 1;
    if (Character.isLowSurrogate(s.charAt(end))) {
      end--;
    }
    int space = s.lastIndexOf(' ', end);
    if (space >= max / 2) {
      end = space;
    }
    return s.substring(0, end).stripTrailing() + "…";
  }
}
