package vn.layso.card.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CitizenCardQrTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  /** As a chip-based CCCD's QR reads (number, old CMND, name, birth date, sex, address, issue date). */
  private static final String CARD =
      "001099012345|123456789|Nguyễn Văn An|15061999|Nam|Số 12 Tràng Tiền, Phường Hoàn Kiếm, Hà Nội|10082021";

  @Test
  void readsTheNumberTheNameAndTheBirthDate() {
    CitizenCardQr card = CitizenCardQr.parse(CARD, TODAY);
    assertThat(card.citizenId()).isEqualTo("001099012345");
    assertThat(card.fullName()).isEqualTo("Nguyễn Văn An");
    assertThat(card.birthDate()).isEqualTo(LocalDate.of(1999, 6, 15));
    assertThat(card.last4()).isEqualTo("2345");
  }

  @Test
  void showsNoCardDataWhenPrinted() {
    assertThat(CitizenCardQr.parse(CARD, TODAY).toString()).isEqualTo("CitizenCardQr[****2345]")
        .doesNotContain("Nguyễn", "0010990", "1999");
  }

  @Test
  void takesAWomanBornThisCenturyWithoutAnOldNumber() {
    CitizenCardQr card = CitizenCardQr.parse("079305001234||Trần Thị Thủy|02012005|Nữ|Phường Bến Nghé, TP. Hồ Chí Minh|"
        + "20032022", TODAY);
    assertThat(card.citizenId()).isEqualTo("079305001234");
    assertThat(card.fullName()).isEqualTo("Trần Thị Thủy");
    assertThat(card.birthDate()).isEqualTo(LocalDate.of(2005, 1, 2));
  }

  @Test
  void toleratesMissingAndExtraTrailingFieldsAndTheScannersLineEnd() {
    assertThat(CitizenCardQr.parse("001099012345|123456789|Nguyễn Văn An|15061999", TODAY).fullName())
        .isEqualTo("Nguyễn Văn An");
    assertThat(CitizenCardQr.parse(CARD + "|01012046|extra", TODAY).citizenId()).isEqualTo("001099012345");
    assertThat(CitizenCardQr.parse("  " + CARD + "\r\n", TODAY).last4()).isEqualTo("2345");
  }

  @Test
  void normalisesADecomposedNameToNfc() {
    String decomposed = Normalizer.normalize(CARD, Normalizer.Form.NFD);
    assertThat(decomposed).isNotEqualTo(CARD);
    CitizenCardQr card = CitizenCardQr.parse(decomposed, TODAY);
    assertThat(card.fullName()).isEqualTo("Nguyễn Văn An");
    assertThat(Normalizer.isNormalized(card.fullName(), Normalizer.Form.NFC)).isTrue();
  }

  @Test
  void collapsesTheNamesInnerSpaces() {
    assertThat(CitizenCardQr.parse("001099012345||Nguyễn   Văn  An |15061999|Nam", TODAY).fullName())
        .isEqualTo("Nguyễn Văn An");
  }

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(delimiter = ';', value = {
      "'';empty",
      "'   ';empty",
      "https://dichvucong.gov.vn/;too_few_fields",
      "001099012345|123456789|Nguyễn Văn An;too_few_fields",
      "00109901234|123456789|Nguyễn Văn An|15061999;invalid_number",
      "003099012345|123456789|Nguyễn Văn An|15061999;invalid_number",
      "001499012345|123456789|Nguyễn Văn An|15061999;invalid_number",
      "001 099 012 345|123456789|Nguyễn Văn An|15061999;invalid_number",
      "001099012345|12345|Nguyễn Văn An|15061999;invalid_old_number",
      "001099012345|123456789||15061999;invalid_name",
      "001099012345|123456789|Nguyễn V@n An|15061999;invalid_name",
      "001099012345|123456789|Nguyễn Văn An|1999-06-15;invalid_birth_date",
      "001099012345|123456789|Nguyễn Văn An|31021999;invalid_birth_date",
      "001226012345||Nguyễn Văn An|24122026;invalid_birth_date",
      "001099012345|123456789|Nguyễn Văn An|15061998;birth_year_mismatch",
      "001299012345|123456789|Nguyễn Văn An|15061999;invalid_number",
      "001199012345|123456789|Nguyễn Thị An|15062099;invalid_birth_date"})
  void refusesWhatIsNotACardSayingWhy(String text, String reason) {
    assertThatThrownBy(() -> CitizenCardQr.parse(text, TODAY)).isInstanceOf(InvalidCitizenCard.class)
        .extracting(e -> ((InvalidCitizenCard) e).reason()).isEqualTo(reason);
  }

  @Test
  void refusesTooLongATextBeforeReadingIt() {
    String longText = CARD + "|" + "x".repeat(CitizenCardQr.MAX_LENGTH);
    assertThatThrownBy(() -> CitizenCardQr.parse(longText, TODAY)).isInstanceOf(InvalidCitizenCard.class)
        .extracting(e -> ((InvalidCitizenCard) e).reason()).isEqualTo("too_long");
  }

  @Test
  void theCenturyDigitDecidesTheBirthYear() {
    // 2 = a man born in the 2000s: 1999 does not match, 2001 does
    assertThatThrownBy(() -> CitizenCardQr.parse("001201012345||Lê Văn Minh|01011901|Nam", TODAY))
        .extracting(e -> ((InvalidCitizenCard) e).reason()).isEqualTo("birth_year_mismatch");
    assertThat(CitizenCardQr.parse("001201012345||Lê Văn Minh|01012001|Nam", TODAY).birthDate().getYear())
        .isEqualTo(2001);
  }
}
