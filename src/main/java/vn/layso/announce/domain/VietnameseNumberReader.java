package vn.layso.announce.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Vietnamese number reading, in full or digit by digit, for 0 to 999,999,999.
 *
 * <p>Full reading, by group of three digits (hundreds, tens, units):
 * <ul>
 *   <li>tens 1 is "mười" (10 mười, 15 mười lăm, 11 mười một, 14 mười bốn);</li>
 *   <li>tens 2-9 is "mươi", after which units 1 is "mốt", 4 "tư" and 5 "lăm" (21 hai mươi mốt,
 *       24 hai mươi tư, 25 hai mươi lăm; 20 hai mươi);</li>
 *   <li>a zero tens digit before a unit, once something precedes it, is "linh" (South "lẻ"):
 *       105 một trăm linh năm, where 5 stays "năm";</li>
 *   <li>a group after the first one always says its hundreds, "không trăm" included
 *       (1005 một nghìn không trăm linh năm, 1010 một nghìn không trăm mười); an all-zero group
 *       after the first is silent (1000 một nghìn, 1100 một nghìn một trăm).</li>
 * </ul>
 */
public final class VietnameseNumberReader {

  public static final int MAX = 999_999_999;

  private final Dialect dialect;

  public VietnameseNumberReader(Dialect dialect) {
    this.dialect = dialect;
  }

  /** The words of {@code n} read in full. */
  public List<SpokenWord> full(int n) {
    if (n < 0 || n > MAX) {
      throw new IllegalArgumentException("can read 0.." + MAX + ", not " + n);
    }
    if (n == 0) {
      return List.of(SpokenWord.KHONG);
    }
    List<SpokenWord> words = new ArrayList<>();
    int millions = n / 1_000_000;
    int thousands = n / 1_000 % 1_000;
    int units = n % 1_000;
    boolean before = false;
    if (millions > 0) {
      group(millions, false, words);
      words.add(SpokenWord.TRIEU);
      before = true;
    }
    if (thousands > 0) {
      group(thousands, before, words);
      words.add(dialect.thousand());
      before = true;
    }
    if (units > 0) {
      group(units, before, words);
    }
    return List.copyOf(words);
  }

  /** The words of each digit of {@code digits} as written, leading zeros included (0123: không, một, hai, ba). */
  public List<SpokenWord> digits(String digits) {
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("not a string of digits: '" + digits + "'");
    }
    return digits.chars().mapToObj(c -> SpokenWord.digit(c - '0')).toList();
  }

  /** {@code n} in full as text: 1005 "một nghìn không trăm linh năm". */
  public String fullText(int n) {
    return text(full(n), " ");
  }

  /** The digits as text, one by one: "một, không, hai, ba". */
  public String digitsText(String digits) {
    return text(digits(digits), ", ");
  }

  static String text(List<SpokenWord> words, String separator) {
    return words.stream().map(SpokenWord::text).collect(Collectors.joining(separator));
  }

  /** One group 1..999; {@code inner}: a group precedes it, so its hundreds are always said. */
  private void group(int g, boolean inner, List<SpokenWord> words) {
    int hundreds = g / 100;
    int tens = g / 10 % 10;
    int unit = g % 10;
    boolean hundredsSaid = hundreds > 0 || inner;
    if (hundredsSaid) {
      words.add(SpokenWord.digit(hundreds));
      words.add(SpokenWord.TRAM);
    }
    if (tens == 0) {
      if (unit > 0) {
        if (hundredsSaid) {
          words.add(dialect.zeroTens());
        }
        words.add(SpokenWord.digit(unit));
      }
      return;
    }
    if (tens == 1) {
      words.add(SpokenWord.MUOI);
      if (unit > 0) {
        words.add(unit == 5 ? SpokenWord.LAM : SpokenWord.digit(unit));
      }
      return;
    }
    words.add(SpokenWord.digit(tens));
    words.add(SpokenWord.MUOI_NGANG);
    switch (unit) {
      case 0 -> { }
      case 1 -> words.add(SpokenWord.MOT_SAC);
      case 4 -> words.add(SpokenWord.TU);
      case 5 -> words.add(SpokenWord.LAM);
      default -> words.add(SpokenWord.digit(unit));
    }
  }
}
