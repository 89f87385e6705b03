package vn.layso.announce.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AnnouncerTest {

  private final Announcer digits = new Announcer(NumberReading.DIGITS, Dialect.NORTH);
  private final Announcer full = new Announcer(NumberReading.FULL, Dialect.NORTH);

  @Test
  void aCallIsTheChimeThenTheInvitationWithTheNumberDigitByDigit() {
    Announcement a = digits.announce("A012", "3", "Quầy 3", false);
    assertThat(a.text()).isEqualTo("Kính mời công dân có số thứ tự A012 đến quầy số 3");
    assertThat(a.speech()).isEqualTo("Kính mời công dân có số thứ tự a, không, một, hai, đến quầy số ba.");
    assertThat(a.clips()).containsExactly("chime", "kinh-moi", "letter-a", "khong", "mot", "hai", "den-quay-so", "ba");
  }

  @Test
  void inFullTheLeadingZerosAreNotRead() {
    Announcement a = full.announce("B105", "12", "Quầy 12", false);
    assertThat(a.text()).isEqualTo("Kính mời công dân có số thứ tự B105 đến quầy số 12");
    assertThat(a.speech()).isEqualTo("Kính mời công dân có số thứ tự bê một trăm linh năm, đến quầy số mười hai.");
    assertThat(a.clips()).containsExactly("chime", "kinh-moi", "letter-b", "mot", "tram", "linh", "nam",
        "den-quay-so", "muoi", "hai");
    assertThat(full.announce("A012", "1", null, false).clips())
        .containsSubsequence("letter-a", "muoi", "hai", "den-quay-so", "mot");
    assertThat(full.announce("A000", "1", null, false).speech()).contains("a không,");
  }

  @Test
  void theSouthSaysLe() {
    Announcer south = new Announcer(NumberReading.FULL, Dialect.SOUTH);
    assertThat(south.announce("C105", "2", null, false).clips()).contains("le").doesNotContain("linh");
  }

  @Test
  void aRecallRepeatsTheAnnouncementAfterNhacLai() {
    Announcement first = digits.announce("A012", "3", null, false);
    Announcement again = digits.announce("A012", "3", null, true);
    assertThat(again.text()).isEqualTo("Nhắc lại: " + first.text());
    assertThat(again.clips().subList(0, 2)).containsExactly("chime", "nhac-lai");
    assertThat(again.clips().subList(2, again.clips().size())).isEqualTo(first.clips().subList(1, first.clips().size()));
  }

  @Test
  void aCounterWithoutANumberIsSaidByItsName() {
    Announcement a = digits.announce("AB007", "tiep-nhan", "quầy tiếp nhận", false);
    assertThat(a.text()).isEqualTo("Kính mời công dân có số thứ tự AB007 đến quầy tiếp nhận");
    assertThat(a.clips()).containsExactly("chime", "kinh-moi", "letter-a", "letter-b", "khong", "khong", "bay",
        "den", "counter-tiep-nhan");
    assertThat(digits.announce("A1", "vip", null, false).text()).endsWith("đến vip");
  }

  @ParameterizedTest
  @ValueSource(strings = {"A", "a012", "A-12", "", "ABCD1", "Đ12"})
  void refusesWhatIsNotATicketNumber(String number) {
    assertThatThrownBy(() -> digits.announce(number, "1", null, false)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyLetterHasAName() {
    for (char c = 'A'; c <= 'Z'; c++) {
      assertThat(Announcer.letterName(c)).isNotBlank();
    }
    assertThat(Announcer.letterName('C')).isEqualTo("xê");
  }
}
