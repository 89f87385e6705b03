package vn.layso.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Human texts for error codes, Vietnamese by default, English on request. */
public final class Messages {

  public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

  private Messages() {
  }

  /** Picks English only when the client prefers it; everything else gets Vietnamese. */
  public static Locale fromAcceptLanguage(String header) {
    if (header == null || header.isBlank() || header.length() > 200) {
      return VIETNAMESE;
    }
    try {
      var ranges = Locale.LanguageRange.parse(header);
      var best = Locale.lookup(ranges, java.util.List.of(VIETNAMESE, Locale.ENGLISH));
      return best == null ? VIETNAMESE : best;
    } catch (IllegalArgumentException malformed) {
      return VIETNAMESE;
    }
  }

  public static String text(Locale locale, String code, Object... args) {
    ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages",
        Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : VIETNAMESE,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    String pattern;
    try {
      pattern = bundle.getString(code);
    } catch (MissingResourceException missing) {
      pattern = bundle.getString("error");
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }
}
