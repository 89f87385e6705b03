package vn.layso.booking.domain;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Full names as the citizen typed them, in NFC, 1..100 characters: letters, marks, spaces, apostrophe, dot, hyphen. */
public final class PersonName {

  public static final int MAX = 100;

  private PersonName() {
  }

  /** The NFC name with inner spaces collapsed, or null when it is not an acceptable name. */
  public static String check(String text) {
    if (text == null || text.length() > MAX * 4) {
      return null;
    }
    String name = Normalizer.normalize(text.strip().replaceAll("\\s+", " "), Normalizer.Form.NFC);
    int length = name.codePointCount(0, name.length());
    if (length < 1 || length > MAX || !name.matches("[\\p{L}\\p{M}][\\p{L}\\p{M} .'\\-]*")) {
      return null;
    }
    return name;
  }

  /** "Nguyễn Văn An" shown as "N*** V*** A***": enough to recognise one's own booking. */
  public static String mask(String name) {
    if (name == null || name.isBlank()) {
      return "";
    }
    return Arrays.stream(name.split(" ")).filter(w -> !w.isEmpty())
        .map(w -> w.substring(0, Character.charCount(w.codePointAt(0))) + "***")
        .collect(Collectors.joining(" "));
  }
}
