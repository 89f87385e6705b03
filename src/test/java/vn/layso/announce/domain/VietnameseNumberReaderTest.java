package vn.layso.announce.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseNumberReaderTest {

  private final VietnameseNumberReader north = new VietnameseNumberReader(Dialect.NORTH);
  private final VietnameseNumberReader south = new VietnameseNumberReader(Dialect.SOUTH);

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', textBlock = """
      0      | không
      1      | một
      4      | bốn
      5      | năm
      10     | mười
      11     | mười một
      14     | mười bốn
      15     | mười lăm
      19     | mười chín
      20     | hai mươi
      21     | hai mươi mốt
      24     | hai mươi tư
      25     | hai mươi lăm
      55     | năm mươi lăm
      91     | chín mươi mốt
      99     | chín mươi chín
      100    | một trăm
      101    | một trăm linh một
      104    | một trăm linh bốn
      105    | một trăm linh năm
      110    | một trăm mười
      111    | một trăm mười một
      115    | một trăm mười lăm
      121    | một trăm hai mươi mốt
      205    | hai trăm linh năm
      999    | chín trăm chín mươi chín
      1000   | một nghìn
      1005   | một nghìn không trăm linh năm
      1010   | một nghìn không trăm mười
      1021   | một nghìn không trăm hai mươi mốt
      1100   | một nghìn một trăm
      1105   | một nghìn một trăm linh năm
      2024   | hai nghìn không trăm hai mươi tư
      9999   | chín nghìn chín trăm chín mươi chín
      10000  | mười nghìn
      15015  | mười lăm nghìn không trăm mười lăm
      21000  | hai mươi mốt nghìn
      100001 | một trăm nghìn không trăm linh một
      1000000 | một triệu
      1000005 | một triệu không trăm linh năm
      2001000 | hai triệu không trăm linh một nghìn
      """)
  void readsInFullInTheNorth(int n, String expected) {
    assertThat(north.fullText(n)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', textBlock = """
      105  | một trăm lẻ năm
      1005 | một ngàn không trăm lẻ năm
      1010 | một ngàn không trăm mười
      25   | hai mươi lăm
      """)
  void readsLeAndNganInTheSouth(int n, String expected) {
    assertThat(south.fullText(n)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', textBlock = """
      1023 | một, không, hai, ba
      012  | không, một, hai
      0    | không
      905  | chín, không, năm
      """)
  void readsDigitByDigitAsPrinted(String digits, String expected) {
    assertThat(north.digitsText(digits)).isEqualTo(expected);
  }

  @Test
  void eachSpellingHasItsOwnClip() {
    assertThat(north.full(21)).extracting(SpokenWord::clip).containsExactly("hai", "muoi-ngang", "mot-sac");
    assertThat(north.full(15)).extracting(SpokenWord::clip).containsExactly("muoi", "lam");
    assertThat(north.full(105)).extracting(SpokenWord::clip).containsExactly("mot", "tram", "linh", "nam");
  }

  @Test
  void refusesWhatItCannotRead() {
    assertThatThrownBy(() -> north.full(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> north.full(1_000_000_000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> north.digits("12a")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> north.digits("")).isInstanceOf(IllegalArgumentException.class);
  }
}
