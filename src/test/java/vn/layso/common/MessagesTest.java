package vn.layso.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessagesTest {

  private static final Locale EN = Locale.ENGLISH;
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

  private static Properties load(String resource) throws IOException {
    try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    }
  }

  @Test
  void everyCodeHasAVietnameseAndAnEnglishText() throws IOException {
    Properties vi = load("i18n/messages.properties");
    Properties en = load("i18n/messages_en.properties");
    assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(vi.stringPropertyNames());
    vi.forEach((k, v) -> assertThat((String) v).as(k.toString()).isNotBlank());
    en.forEach((k, v) -> assertThat((String) v).as(k.toString()).isNotBlank());
  }

  @Test
  void bothLanguagesUseTheSamePlaceholders() throws IOException {
    Properties vi = load("i18n/messages.properties");
    Properties en = load("i18n/messages_en.properties");
    for (String code : vi.stringPropertyNames()) {
      assertThat(placeholders(en.getProperty(code))).as(code).isEqualTo(placeholders(vi.getProperty(code)));
    }
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  @Test
  void vietnameseTextIsNfcAndReallyVietnamese() throws IOException {
    byte[] raw = MessagesTest.class.getClassLoader().getResourceAsStream("i18n/messages.properties").readAllBytes();
    String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(raw)).toString();
    assertThat(text).as("the file itself is NFC").isEqualTo(Normalizer.normalize(text, Normalizer.Form.NFC));
    assertThat(text).doesNotContain("\\u").contains("Không tìm thấy");
    for (var e : load("i18n/messages.properties").entrySet()) {
      assertThat(Normalizer.isNormalized((String) e.getValue(), Normalizer.Form.NFC)).as(e.getKey().toString()).isTrue();
    }
  }

  @Test
  void everyPlaceholderIsFilledWhenFormattedInBothLanguages() throws IOException {
    for (String code : load("i18n/messages.properties").stringPropertyNames()) {
      for (Locale locale : new Locale[] {Messages.VIETNAMESE, EN}) {
        String text = Messages.text(locale, code, "«X»", 12345);
        assertThat(text).as(code + " " + locale).doesNotContain("{0}", "{1}");
        if (text.contains("«")) {
          assertThat(text).contains("«X»");
        }
      }
    }
  }

  @Test
  void everyCodeTheServerThrowsHasAText() throws IOException {
    Set<String> known = load("i18n/messages.properties").stringPropertyNames();
    Pattern java = Pattern.compile("(?:invalid|notFound|conflict)\\(\"([a-z_]+)\"|Kind\\.[A-Z_]+, \"([a-z_]+)\"");
    Pattern lua = Pattern.compile("error = '([a-z_]+)'");
    Set<String> used = new TreeSet<>();
    for (Path root : new Path[] {Path.of("src/main/java"), Path.of("src/main/resources/lua")}) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Matcher m = (file.toString().endsWith(".lua") ? lua : java).matcher(Files.readString(file));
          while (m.find()) {
            used.add(m.group(1) != null ? m.group(1) : m.group(2));
          }
        }
      }
    }
    used.add("password_too_long");
    used.add("password_too_short");
    assertThat(used).hasSizeGreaterThan(20);
    assertThat(known).containsAll(used);
  }

  @Test
  void aTextIsInTheLanguageAsked() {
    assertThat(Messages.text(EN, "office_not_found", "xyz")).isEqualTo("There is no office \"xyz\".");
    assertThat(Messages.text(Messages.VIETNAMESE, "office_not_found", "xyz")).isEqualTo("Không tìm thấy đơn vị \"xyz\".");
    assertThat(Messages.text(Locale.forLanguageTag("en-GB"), "forbidden")).startsWith("You are not allowed");
  }

  @Test
  void anUnknownCodeGetsTheGenericText() {
    assertThat(Messages.text(EN, "no_such_code")).isEqualTo("Something went wrong.");
    assertThat(Messages.text(Messages.VIETNAMESE, "no_such_code")).isEqualTo("Đã có lỗi xảy ra.");
  }

  @Test
  void argumentsAreNotReadAsPatterns() {
    assertThat(Messages.text(EN, "office_not_found", "{0}'{1}")).isEqualTo("There is no office \"{0}'{1}\".");
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "EN", "en-US", "en-US,en;q=0.9", "vi;q=0.1, en;q=0.9", "fr, en;q=0.5", "en-GB;q=1.0"})
  void englishWhenTheClientPrefersIt(String header) {
    assertThat(Messages.fromAcceptLanguage(header).getLanguage()).isEqualTo("en");
  }

  @ParameterizedTest
  @ValueSource(strings = {"vi", "vi-VN,vi;q=0.9,en;q=0.8", "fr", "de-DE", "*", "en;q=0", "zh, ja", "en;q=0.1, vi;q=0.9"})
  void vietnameseOtherwise(String header) {
    assertThat(Messages.fromAcceptLanguage(header)).isEqualTo(Messages.VIETNAMESE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", ";;;", "en;q=abc", "en;q=2", "en;q=-1", "!!!", "en-", "-en",
      "\u0000", "tiếng việt", "q=0.9", "x-klingon-0123456789"})
  void garbageMeansVietnameseAndNeverThrows(String header) {
    assertThat(Messages.fromAcceptLanguage(header)).isEqualTo(Messages.VIETNAMESE);
  }

  @Test
  void aNullOrHugeHeaderMeansVietnamese() {
    assertThat(Messages.fromAcceptLanguage(null)).isEqualTo(Messages.VIETNAMESE);
    assertThat(Messages.fromAcceptLanguage("en," + "fr;q=0.1,".repeat(1000))).isEqualTo(Messages.VIETNAMESE);
  }
}
