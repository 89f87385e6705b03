package vn.layso.queue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TicketIdsTest {

  @Test
  void idsAreTheOfficeAndTwelveRandomBase32CharactersThatReadBack() {
    Set<String> seen = new HashSet<>();
    int[][] counts = new int[12][32];
    String alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
    for (int i = 0; i < 32_000; i++) {
      String id = TicketIds.next("ward-1");
      assertThat(TicketIds.officeOf(id)).isEqualTo("ward-1");
      assertThat(seen.add(id)).isTrue();
      String random = id.substring("ward-1.".length());
      for (int p = 0; p < 12; p++) {
        counts[p][alphabet.indexOf(random.charAt(p))]++;
      }
    }
    // every character of every position is drawn about 1,000 times in 32,000 (none stuck, none missing)
    for (int[] position : counts) {
      for (int n : position) {
        assertThat(n).isBetween(800, 1200);
      }
    }
  }
}
