package vn.layso.announce.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a call (ticket number, counter) into its {@link Announcement}, as the office reads numbers.
 * The ticket's letter prefix is said by its Vietnamese letter name (A "a", B "bê", C "xê"), then
 * its digits one by one as printed (A012: a, không, một, hai) or the number in full without its
 * leading zeros (A012: a, mười hai). A numeric counter id is said in full after "đến quầy số";
 * any other counter by its spoken name after "đến" (its clip is {@code counter-<id>}, which a voice
 * pack may provide). A recall says the same, after "Nhắc lại".
 */
public final class Announcer {

  public static final String CHIME = "chime";
  public static final String INVITE = "kinh-moi";
  public static final String TO_COUNTER_NUMBER = "den-quay-so";
  public static final String TO = "den";
  public static final String AGAIN = "nhac-lai";
  private static final String INVITE_TEXT = "Kính mời công dân có số thứ tự";
  private static final String AGAIN_TEXT = "Nhắc lại";
  private static final Pattern TICKET = Pattern.compile("([A-Z]{0,3})([0-9]{1,9})");
  private static final Pattern NUMERIC = Pattern.compile("[0-9]{1,9}");
  /** Vietnamese names of the Latin letters, as read aloud in school. */
  private static final String[] LETTERS = {"a", "bê", "xê", "dê", "e", "ép", "giê", "hát", "i", "gi", "ca",
      "e-lờ", "em-mờ", "en-nờ", "o", "pê", "quy", "e-rờ", "ét-xì", "tê", "u", "vê", "vê kép", "ích-xì",
      "i-dài", "dét"};

  private final NumberReading reading;
  private final VietnameseNumberReader reader;

  public Announcer(NumberReading reading, Dialect dialect) {
    this.reading = Objects.requireNonNull(reading, "reading");
    this.reader = new VietnameseNumberReader(Objects.requireNonNull(dialect, "dialect"));
  }

  /**
   * @param number the printed ticket number, e.g. "A012" (letters A-Z, then digits)
   * @param counterId the counter's id; read as a number when it is one
   * @param counterName how to say a counter whose id is not a number, e.g. "quầy tiếp nhận"
   * @param recall whether the counter calls the ticket again
   */
  public Announcement announce(String number, String counterId, String counterName, boolean recall) {
    Matcher ticket = TICKET.matcher(number == null ? "" : number);
    if (!ticket.matches()) {
      throw new IllegalArgumentException("not a ticket number: '" + number + "'");
    }
    List<String> clips = new ArrayList<>(List.of(CHIME));
    List<String> spoken = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    if (recall) {
      clips.add(AGAIN);
      text.append(AGAIN_TEXT).append(": ");
      spoken.add(AGAIN_TEXT + ".");
    }
    clips.add(INVITE);
    text.append(INVITE_TEXT).append(' ').append(number);
    spoken.add(INVITE_TEXT);
    List<String> numberWords = new ArrayList<>();
    for (char letter : ticket.group(1).toCharArray()) {
      clips.add("letter-" + Character.toLowerCase(letter));
      numberWords.add(LETTERS[letter - 'A']);
    }
    String digits = ticket.group(2);
    List<SpokenWord> words = reading == NumberReading.DIGITS ? reader.digits(digits)
        : reader.full(Integer.parseInt(digits));
    words.forEach(w -> clips.add(w.clip()));
    words.forEach(w -> numberWords.add(w.text()));
    spoken.add(String.join(reading == NumberReading.DIGITS ? ", " : " ", numberWords) + ",");
    if (counterId != null && NUMERIC.matcher(counterId).matches()) {
      int counter = Integer.parseInt(counterId);
      clips.add(TO_COUNTER_NUMBER);
      reader.full(counter).forEach(w -> clips.add(w.clip()));
      text.append(" đến quầy số ").append(counter);
      spoken.add("đến quầy số " + reader.fullText(counter) + ".");
    } else {
      String name = counterName == null || counterName.isBlank() ? counterId : counterName.strip();
      clips.add(TO);
      clips.add("counter-" + counterId);
      text.append(" đến ").append(name);
      spoken.add("đến " + name + ".");
    }
    return new Announcement(text.toString(), String.join(" ", spoken), clips);
  }

  /** The Vietnamese name of a letter A-Z, as the voice says it. */
  public static String letterName(char letter) {
    return LETTERS[Character.toUpperCase(letter) - 'A'];
  }
}
