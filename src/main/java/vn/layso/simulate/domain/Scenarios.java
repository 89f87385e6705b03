package vn.layso.simulate.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import vn.layso.simulate.domain.CounterSpec.Break;
import vn.layso.simulate.domain.Scenario.Session;
import vn.layso.simulate.domain.Scenario.Surge;
import vn.layso.simulate.domain.Scenario.Visit;

/** The named scenarios of docs/simulation.md. */
public final class Scenarios {

  /** Vietnamese centre hours: 07:30-11:30 and 13:30-17:00, lunch in between. */
  public static final List<Session> HOURS = List.of(Session.of("07:30-11:30"), Session.of("13:30-17:00"));

  /**
   * Walk-ins per clock hour, relative: a rush at opening (numbers handed out from 07:30), a quiet
   * end of morning, a smaller afternoon peak.
   */
  public static final double[] PROFILE = hours(7, 1.4, 8, 1.5, 9, 1.3, 10, 1.0, 11, 0.7, 13, 0.8, 14, 1.0, 15, 0.9,
      16, 0.6);

  /**
   * The surge day: three times the walk-ins of every field all day (appointments stay as booked,
   * their slots are full anyway), on the same counters: about 780 tickets instead of 300, an
   * offered load of about 85 % of the counters' open time, the "8 counters, 4 fields at
   * 85 %" case.
   */
  public static final Surge SURGE_DAY = new Surge(3, 0, 24 * 60, List.of());
  /** The morning rush: three times the walk-ins of every field from 07:30 to 09:30 only. */
  public static final Surge MORNING_RUSH = new Surge(3, 7 * 60 + 30, 9 * 60 + 30, List.of());

  private Scenarios() {
  }

  public static List<String> names() {
    return List.of("commune", "province", "surge", "rush", "erlang85");
  }

  public static Scenario named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "commune" -> commune();
      case "province" -> province();
      case "surge" -> surge();
      case "rush" -> rush();
      case "erlang85" -> erlang85();
      default -> throw new IllegalArgumentException("unknown scenario " + name + "; known: " + names());
    };
  }

  /**
   * A commune or ward centre on a normal day: 8 counters, 4 fields, about 300 tickets, 20 % booked,
   * short services (a commune desk mostly receives dossiers and certifies copies): an offered load
   * of about a third of the counters' time, so that a 3x day still fits in the day.
   */
  public static Scenario commune() {
    List<FieldSpec> fields = List.of(
        new FieldSpec("ho-tich", "Hộ tịch", 90, ServiceTime.lognormal(5, 0.6), 20, 0.08, 0.2, 0.03),
        new FieldSpec("chung-thuc", "Chứng thực", 120, ServiceTime.lognormal(2, 0.5), 15, 0.08, 0.2, 0.03),
        new FieldSpec("dat-dai", "Đất đai", 50, ServiceTime.gamma(6, 0.8), 30, 0.05, 0.2, 0.05),
        new FieldSpec("lao-dong", "Lao động - TBXH", 40, ServiceTime.gamma(4, 0.7), 20, 0.15, 0.2, 0.03));
    return new Scenario("commune", "Commune centre: 8 counters, 4 fields, about 300 tickets", fields,
        counters(fields, 8, 11), HOURS, PROFILE, Surge.NONE, Visit.DEFAULT);
  }

  /** The commune centre on a surge day at the same staffing ({@link #SURGE_DAY}). */
  public static Scenario surge() {
    return commune().named("surge", "Commune centre on a surge day: 3x walk-ins all day in every field, same 8 counters",
        SURGE_DAY);
  }

  /** The commune centre with a 3x morning rush at the same staffing ({@link #MORNING_RUSH}). */
  public static Scenario rush() {
    return commune().named("rush", "Commune centre with a morning rush: 3x walk-ins 07:30-09:30, same 8 counters",
        MORNING_RUSH);
  }

  /** A provincial centre: 40 counters, 10 fields, about 800 tickets. */
  public static Scenario province() {
    List<FieldSpec> fields = List.of(
        new FieldSpec("dat-dai", "Đất đai", 180, ServiceTime.gamma(25, 0.8), 30, 0.05, 0.25, 0.05),
        new FieldSpec("dang-ky-kinh-doanh", "Đăng ký kinh doanh", 100, ServiceTime.lognormal(15, 0.7), 30, 0.03,
            0.3, 0.03),
        new FieldSpec("xay-dung", "Xây dựng", 60, ServiceTime.gamma(18, 0.8), 30, 0.03, 0.25, 0.04),
        new FieldSpec("tu-phap", "Tư pháp", 110, ServiceTime.lognormal(7, 0.5), 20, 0.08, 0.2, 0.03),
        new FieldSpec("giao-thong", "Giao thông vận tải", 120, ServiceTime.lognormal(8, 0.5), 20, 0.05, 0.3, 0.03),
        new FieldSpec("lao-dong", "Lao động - TBXH", 70, ServiceTime.gamma(12, 0.7), 20, 0.15, 0.15, 0.03),
        new FieldSpec("dau-tu", "Kế hoạch - Đầu tư", 30, ServiceTime.gamma(25, 0.8), 45, 0.02, 0.4, 0.03),
        new FieldSpec("nong-nghiep", "Nông nghiệp", 40, ServiceTime.gamma(12, 0.7), 30, 0.05, 0.2, 0.04),
        new FieldSpec("y-te", "Y tế", 50, ServiceTime.lognormal(10, 0.6), 30, 0.08, 0.2, 0.03),
        new FieldSpec("giao-duc", "Giáo dục", 40, ServiceTime.lognormal(8, 0.6), 20, 0.05, 0.2, 0.03));
    return new Scenario("province", "Provincial centre: 40 counters, 10 fields, about 800 tickets", fields,
        counters(fields, 40, 23), HOURS, PROFILE, Surge.NONE, Visit.DEFAULT);
  }

  /**
   * The textbook case: 8 counters, 4 equal fields, exponential 10-minute services, 85 %
   * load, steady arrivals over a 24-hour session, no priority, appointments, no-shows or breaks.
   */
  public static Scenario erlang85() {
    double perField = 0.85 * 2 / 10.0 * 24 * 60;
    List<FieldSpec> fields = new ArrayList<>();
    for (String code : List.of("a", "b", "c", "d")) {
      fields.add(new FieldSpec(code, "Field " + code.toUpperCase(Locale.ROOT), perField, ServiceTime.exponential(10),
          30, 0, 0, 0));
    }
    List<CounterSpec> counters = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      counters.add(CounterSpec.dedicated(Integer.toString(i + 1), fields.get(i / 2).code(), 1, 0, List.of()));
    }
    double[] flat = new double[24];
    Arrays.fill(flat, 1);
    return new Scenario("erlang85", "8 counters, 4 equal fields, M/M/2 each at 85 % load, 24 h", fields, counters,
        List.of(new Session(0, 24 * 60)), flat, Surge.NONE, new Visit(30, 0, 1, 30, 15, 2));
  }

  /**
   * {@code n} counters given to the fields in proportion to their work (largest remainder, at
   * least one each), with clerks of speed 0.85-1.15, every fourth counter opening 10 minutes late,
   * and staggered breaks: 15 minutes between 09:30 and 10:30, 10 minutes between 15:00 and 15:40.
   */
  public static List<CounterSpec> counters(List<FieldSpec> fields, int n, long seed) {
    int[] per = allocate(fields, n);
    Random random = new Random(seed);
    List<CounterSpec> out = new ArrayList<>();
    int id = 1;
    for (int f = 0; f < fields.size(); f++) {
      for (int k = 0; k < per[f]; k++, id++) {
        double speed = Math.round((0.85 + 0.3 * random.nextDouble()) * 100) / 100.0;
        int late = id % 4 == 0 ? 10 : 0;
        List<Break> breaks = List.of(new Break(9 * 60 + 30 + (id % 4) * 15, 15), new Break(15 * 60 + (id % 4) * 10, 10));
        out.add(CounterSpec.dedicated(Integer.toString(id), fields.get(f).code(), speed, late, breaks));
      }
    }
    return out;
  }

  static int[] allocate(List<FieldSpec> fields, int n) {
    if (n < fields.size()) {
      throw new IllegalArgumentException("need at least one counter per field");
    }
    double work = fields.stream().mapToDouble(FieldSpec::workMinutes).sum();
    int[] per = new int[fields.size()];
    double[] rest = new double[fields.size()];
    int given = 0;
    for (int f = 0; f < per.length; f++) {
      double share = work > 0 ? n * fields.get(f).workMinutes() / work : (double) n / per.length;
      per[f] = Math.max(1, (int) Math.floor(share));
      rest[f] = share - Math.floor(share);
      given += per[f];
    }
    List<Integer> order = new ArrayList<>();
    for (int f = 0; f < per.length; f++) {
      order.add(f);
    }
    order.sort(Comparator.comparingDouble((Integer f) -> rest[f]).reversed());
    for (int i = 0; given < n; i = (i + 1) % per.length, given++) {
      per[order.get(i)]++;
    }
    order.sort(Comparator.comparingDouble((Integer f) -> rest[f]));
    for (int i = 0; given > n; i = (i + 1) % per.length) {
      if (per[order.get(i)] > 1) {
        per[order.get(i)]--;
        given--;
      }
    }
    return per;
  }

  private static double[] hours(double... hourAndWeight) {
    double[] out = new double[24];
    for (int i = 0; i < hourAndWeight.length; i += 2) {
      out[(int) hourAndWeight[i]] = hourAndWeight[i + 1];
    }
    return out;
  }
}
