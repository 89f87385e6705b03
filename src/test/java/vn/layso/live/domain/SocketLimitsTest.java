package vn.layso.live.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.layso.live.domain.SocketLimits.Verdict;

class SocketLimitsTest {

  @Test
  void eachAddressHasItsOwnCapAndAPlaceComesBackWhenASocketCloses() {
    SocketLimits limits = new SocketLimits(100, 2);
    assertThat(limits.reserve("10.0.0.1")).isEqualTo(Verdict.OPEN);
    assertThat(limits.reserve("10.0.0.1")).isEqualTo(Verdict.OPEN);
    assertThat(limits.reserve("10.0.0.1")).isEqualTo(Verdict.ADDRESS_FULL);
    assertThat(limits.reserve("10.0.0.2")).isEqualTo(Verdict.OPEN);
    assertThat(limits.open()).as("a refusal holds no place").isEqualTo(3);
    limits.release("10.0.0.1");
    assertThat(limits.reserve("10.0.0.1")).isEqualTo(Verdict.OPEN);
  }

  @Test
  void theServerCapComesFirst() {
    SocketLimits limits = new SocketLimits(2, 5);
    limits.reserve("10.0.0.1");
    limits.reserve("10.0.0.2");
    assertThat(limits.reserve("10.0.0.3")).isEqualTo(Verdict.SERVER_FULL);
    assertThat(limits.open()).isEqualTo(2);
  }

  @Test
  void ipv6CountsPerSlash64AndIpv4MappedAddressesAsIpv4() {
    assertThat(SocketLimits.key("2001:db8:1:2:aaaa::1")).isEqualTo(SocketLimits.key("2001:0db8:0001:0002:bbbb:cccc:dddd:eeee"))
        .isEqualTo("2001:db8:1:2::/64");
    assertThat(SocketLimits.key("2001:db8:1:3::1")).isNotEqualTo(SocketLimits.key("2001:db8:1:2::1"));
    assertThat(SocketLimits.key("::ffff:10.0.0.7")).isEqualTo("10.0.0.7");
    assertThat(SocketLimits.key("10.0.0.7")).isEqualTo("10.0.0.7");
    SocketLimits limits = new SocketLimits(100, 1);
    assertThat(limits.reserve("2001:db8:1:2::1")).isEqualTo(Verdict.OPEN);
    assertThat(limits.reserve("2001:db8:1:2::2")).as("same /64").isEqualTo(Verdict.ADDRESS_FULL);
  }

  @Test
  void concurrentUpgradesNeverPassTheCaps() throws Exception {
    SocketLimits limits = new SocketLimits(50, 30);
    var pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Verdict>> tries = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        String address = i % 2 == 0 ? "10.0.0.1" : "10.0.0.2";
        tries.add(() -> limits.reserve(address));
      }
      long opened = 0;
      for (Future<Verdict> f : pool.invokeAll(tries)) {
        if (f.get() == Verdict.OPEN) {
          opened++;
        }
      }
      assertThat(opened).isEqualTo(50);
      assertThat(limits.open()).isEqualTo(50);
    } finally {
      pool.shutdown();
    }
  }
}
