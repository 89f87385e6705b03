package vn.layso.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.layso.booking.PersonalData;
import vn.layso.booking.PersonalDataKey;

/**
 * What sealing names and phones costs a booking (scripts/bench-personal-data): one client books the
 * demo office's free places one at a time on two servers, {@code before} (without encryption at
 * rest) and {@code after}, alternating batches so both see the same machine load; prints the
 * median, p90 and mean latency of each, then the in-process cost of sealing a name and a phone and
 * opening them again. Arguments: before=http://... after=http://... n=300 warmup=50 batch=25.
 */
public final class PersonalDataBench {

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private static final String[] SERVICES = {"ho-tich", "chung-thuc", "dat-dai", "lao-dong", "xay-dung",
      "dang-ky-kinh-doanh"};

  public static void main(String[] argv) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (String s : argv) {
      a.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
    }
    int n = Integer.parseInt(a.getOrDefault("n", "300"));
    int warmup = Integer.parseInt(a.getOrDefault("warmup", "50"));
    int batch = Integer.parseInt(a.getOrDefault("batch", "25"));
    Map<String, Server> servers = new LinkedHashMap<>();
    servers.put("before", new Server(a.get("before")));
    servers.put("after", new Server(a.get("after")));
    for (Server s : servers.values()) {
      s.places(n + warmup);
      for (int i = 0; i < warmup; i++) {
        s.book(false);
      }
    }
    for (int done = 0; done < n; done += batch) {
      for (Server s : servers.values()) {
        for (int i = 0; i < batch && done + i < n; i++) {
          s.book(true);
        }
      }
    }
    servers.forEach((label, s) -> System.out.printf("PD %-6s bookings %d  median %.2f ms  p90 %.2f ms  mean %.2f ms%n",
        label, s.latencies.size(), pct(s.latencies, 50), pct(s.latencies, 90), mean(s.latencies)));
    double median = pct(servers.get("after").latencies, 50) - pct(servers.get("before").latencies, 50);
    System.out.printf("PD after - before: median %+.2f ms%n", median);
    micro();
  }

  /** Sealing a name and a phone at booking plus opening both at a look-up, in this JVM. */
  private static void micro() {
    PersonalData data = new PersonalData(PersonalDataKey.of("a-benchmark-personal-data-key-of-32-chars"));
    String key = "layso:{demo}:appt:K7M2-Q9XA";
    int rounds = 200_000;
    long sink = 0;
    long t0 = 0;
    for (int r = 0; r < rounds * 2; r++) {
      if (r == rounds) {
        t0 = System.nanoTime();
      }
      String name = data.seal(key, "name", "Nguyễn Thị Thuỷ Tiên");
      String phone = data.seal(key, "phone", "+84912345678");
      sink += data.open(key, "name", name).length() + data.open(key, "phone", phone).length();
    }
    double us = (System.nanoTime() - t0) / 1000.0 / rounds;
    System.out.printf("PD seal name+phone and open both: %.1f us per booking (%d)%n", us, sink % 7);
  }

  private static double pct(List<Long> ns, int p) {
    List<Long> sorted = new ArrayList<>(ns);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
  }

  private static double mean(List<Long> ns) {
    return ns.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
  }

  private static final class Server {
    final String base;
    final List<String[]> free = new ArrayList<>();
    final List<Long> latencies = new ArrayList<>();
    int next;

    Server(String base) {
      this.base = base;
    }

    /** Lists free places (service, date, start) from tomorrow on, until {@code want} are known. */
    void places(int want) throws Exception {
      for (LocalDate d = LocalDate.now().plusDays(1); free.size() < want && d.isBefore(LocalDate.now().plusDays(15));
           d = d.plusDays(1)) {
        for (String service : SERVICES) {
          HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base
              + "/api/v1/offices/demo/slots?service=" + service + "&date=" + d)).build(),
              HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() != 200) {
            continue;
          }
          for (Object o : new JsonArray(r.body())) {
            JsonObject slot = (JsonObject) o;
            for (int i = 0; i < slot.getInteger("available"); i++) {
              free.add(new String[] {service, d.toString(), slot.getString("start")});
            }
          }
        }
      }
      if (free.size() < want) {
        throw new IllegalStateException(base + " has " + free.size() + " free places, " + want + " wanted");
      }
    }

    void book(boolean measured) throws Exception {
      int i = next++;
      String[] p = free.get(i);
      String body = new JsonObject().put("service", p[0]).put("date", p[1]).put("start", p[2])
          .put("fullName", "Nguyễn Thị Thuỷ Tiên").put("phone", String.format("09%08d", 20_000_000 + i))
          .put("citizenId", String.format("0012000%05d", i)).encode();
      long t0 = System.nanoTime();
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/offices/demo/appointments"))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      long took = System.nanoTime() - t0;
      if (r.statusCode() != 201) {
        throw new IllegalStateException(base + " booking answered " + r.statusCode() + " " + r.body());
      }
      if (measured) {
        latencies.add(took);
      }
    }
  }
}
