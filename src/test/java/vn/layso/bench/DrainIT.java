package vn.layso.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.FakeZalo;
import vn.layso.testing.TestApp;

/**
 * The drain of scripts/drain, small: a script with synthetic identities, from one address and from
 * ten, with the production limits. What it must not get: a booked place with verification on, nor
 * a place taken by its (unverified) holds, a walk-in number from a kiosk-only office, more open
 * numbers than the per-address cap. What honest citizens behind one address must still get: each
 * their own place.
 */
class DrainIT {

  private static FakeZalo zalo;

  @BeforeAll
  static void start() throws Exception {
    zalo = new FakeZalo();
  }

  @AfterAll
  static void stop() throws Exception {
    zalo.close();
  }

  @Test
  void withVerificationOnAScriptBooksNothingFromOneAddressOrTen() throws Exception {
    for (int addresses : new int[] {1, 10}) {
      try (TestApp app = DrainBench.server(zalo)) {
        DrainBench.setVerifyPhone(app, "demo", true);
        DrainBench bench = new DrainBench(app, addresses);
        try {
          DrainBench.Outcome o = bench.bookingDrain("ho-tich", true, 3);
          assertThat(o.granted()).as(o.line()).isZero();
          assertThat(o.attempts()).as(o.line()).isPositive();
          assertThat(o.answers()).as(o.line()).containsKey("book 409:phone_not_verified");
          // its holds (20 an address, verified by nobody) take no place: the day stays open to everyone
          assertThat(o.answers()).as(o.line()).containsKey("hold 201");
          assertThat(o.peakTaken()).as(o.line()).isZero();
        } finally {
          bench.close();
        }
      }
    }
  }

  @Test
  void withVerificationOffOneAddressGetsNoMoreThanItsSessionsPerMinute() throws Exception {
    try (TestApp app = DrainBench.server(zalo)) {
      DrainBench bench = new DrainBench(app, 1);
      try {
        DrainBench.Outcome o = bench.bookingDrain("ho-tich", false, 1);
        // made-up phones and CCCDs pass every per-citizen limit: what holds one address back is that
        // it gets new sessions (a hold without one) only 30 a minute, and each session one place
        assertThat(o.granted()).as(o.line()).isPositive().isLessThanOrEqualTo(30);
        assertThat(o.answers()).as(o.line()).containsKey("hold 429:rate_limited");
      } finally {
        bench.close();
      }
    }
  }

  @Test
  void aKioskOnlyOfficeGivesAScriptNoNumberAndAnOpenOneOnlyItsCapPerAddress() throws Exception {
    try (TestApp app = DrainBench.server(zalo)) {
      DrainBench.setWalkIn(app, "demo", "kiosk");
      DrainBench bench = new DrainBench(app, 3);
      try {
        DrainBench.Outcome o = bench.walkInDrain("ho-tich", "kiosk", 2);
        assertThat(o.granted()).as(o.line()).isZero();
        assertThat(o.answers()).as(o.line()).containsOnlyKeys("403:kiosk_only");
      } finally {
        bench.close();
      }
    }
    try (TestApp app = DrainBench.server(zalo)) {
      DrainBench.setWalkIn(app, "demo", "open");
      DrainBench bench = new DrainBench(app, 3);
      try {
        DrainBench.Outcome o = bench.walkInDrain("ho-tich", "open", 3);
        int cap = app.api().get("/api/v1/offices/demo/settings", "token", app.adminToken()).json()
            .getJsonObject("walkIn").getInteger("openTicketsPerAddress");
        assertThat(o.granted()).as(o.line()).isEqualTo(3 * cap);
        assertThat(o.answers()).as(o.line()).containsKey("429:too_many_open_tickets");
      } finally {
        bench.close();
      }
    }
  }

  @Test
  void thirtyCitizensBehindOneAddressEachBookTheirOwnPlace() throws Exception {
    try (TestApp app = DrainBench.server(zalo)) {
      DrainBench bench = new DrainBench(app, 1);
      try {
        // a hold and a booking each: 60 requests in one minute from one address, twice the per-address
        // budget (30); the bookings are counted on each citizen's own session
        DrainBench.Outcome o = bench.honestBehindOneAddress("ho-tich", 30);
        assertThat(o.granted()).as(o.line()).isEqualTo(30);
      } finally {
        bench.close();
      }
    }
  }
}
