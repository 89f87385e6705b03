package vn.layso.print.domain;

import java.io.ByteArrayOutputStream;
import java.text.Normalizer;
import java.util.Map;

/**
 * Vietnamese text for a printer's own font (text mode). CP1258 (Windows-1258, Epson's "WPC1258")
 * has the letters â ê ô ă ơ ư đ (and capitals) precomposed and the five tone marks as combining
 * bytes that follow the letter, so "Đất đai" is sent as Đ â [acute] t, space, đ a i. ASCII
 * strips every diacritic (đ becomes d) for printers with no Vietnamese code page; raster mode
 * needs neither.
 */
public final class VietText {

  private static final Map<Character, Integer> CP1258 = Map.ofEntries(
      Map.entry('Â', 0xC2), Map.entry('Ê', 0xCA), Map.entry('Ô', 0xD4),
      Map.entry('â', 0xE2), Map.entry('ê', 0xEA), Map.entry('ô', 0xF4),
      Map.entry('Ă', 0xC3), Map.entry('ă', 0xE3), Map.entry('Ơ', 0xD5), Map.entry('ơ', 0xF5),
      Map.entry('Ư', 0xDD), Map.entry('ư', 0xFD), Map.entry('Đ', 0xD0), Map.entry('đ', 0xF0),
      // combining tone marks: grave, acute, tilde, hook above, dot below
      Map.entry('\u0300', 0xCC), Map.entry('\u0301', 0xEC), Map.entry('\u0303', 0xDE),
      Map.entry('\u0309', 0xD2), Map.entry('\u0323', 0xF2));

  private VietText() {
  }

  /** CP1258 bytes; a character the page lacks becomes '?'. */
  public static byte[] cp1258(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (char c : letterForm(text).toCharArray()) {
      Integer mapped = CP1258.get(c);
      out.write(mapped != null ? mapped : c < 0x80 ? c : '?');
    }
    return out.toByteArray();
  }

  /** Plain ASCII: diacritics removed, đ/Đ mapped by hand (NFD does not decompose them). */
  public static String ascii(String text) {
    String stripped = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .replace('đ', 'd').replace('Đ', 'D');
    StringBuilder out = new StringBuilder();
    stripped.chars().forEach(c -> out.append(c < 0x80 ? (char) c : '?'));
    return out.toString();
  }

  /**
   * Decomposed (NFD), then the vowel marks (circumflex, breve, horn) composed back onto their
   * letters, so only the tone marks stay combining: the form CP1258 encodes. NFD orders marks by
   * combining class, which puts a dot below before a circumflex (ậ is a, dot below, circumflex):
   * each letter's marks are therefore gathered first.
   */
  static String letterForm(String text) {
    String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < nfd.length()) {
      StringBuilder letter = new StringBuilder().append(nfd.charAt(i++));
      StringBuilder tones = new StringBuilder();
      while (i < nfd.length() && Character.getType(nfd.charAt(i)) == Character.NON_SPACING_MARK) {
        char mark = nfd.charAt(i++);
        (mark == '\u0302' || mark == '\u0306' || mark == '\u031B' ? letter : tones).append(mark);
      }
      out.append(Normalizer.normalize(letter, Normalizer.Form.NFC)).append(tones);
    }
    return out.toString();
  }
}
