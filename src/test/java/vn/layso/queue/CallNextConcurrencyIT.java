package vn.layso.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;

/** 1,000 tickets issued in parallel, then 20 counters pressing "next" at once: each served exactly once. */
class CallNextConcurrencyIT {

  private static final int TICKETS = 1000;
  private static final int COUNTERS = 20;
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    var office = TestOffices.uniform("load", COUNTERS, List.of("dat-dai", "ho-tich", "chung-thuc"), 3);
    var file = TestOffices.write(office);
    app = TestApp.start(env -> env.put("OFFICES_FILE", file.toString()));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void everyTicketIsCalledExactlyOnceByOneCounter() throws Exception {
    String[] services = {"dat-dai", "ho-tich", "chung-thuc"};
    List<CompletableFuture<Api.Response>> issued = new ArrayList<>();
    String kiosk = app.tokenFor("kiosk-load", "DEVICE", "load");
    for (int i = 0; i < TICKETS; i++) {
      JsonObject body = new JsonObject().put("service", services[i % 3]);
      if (i % 7 == 0) {
        body.put("priority", "nguoi-cao-tuoi");
      }
      issued.add(app.api().postAsync("/api/v1/offices/load/tickets", body.encode(), "token", kiosk));
    }
    CompletableFuture.allOf(issued.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    Set<String> issuedIds = new HashSet<>();
    Set<String> numbers = new HashSet<>();
    for (var f : issued) {
      Api.Response r = f.get();
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      issuedIds.add(r.json().getString("id"));
      numbers.add(r.json().getString("number"));
    }
    assertThat(issuedIds).hasSize(TICKETS);
    assertThat(numbers).as("no number is given twice").hasSize(TICKETS);

    String token = app.adminToken();
    Map<String, String> calledBy = new ConcurrentHashMap<>();
    List<String> duplicates = java.util.Collections.synchronizedList(new ArrayList<>());
    List<CompletableFuture<Void>> counters = new ArrayList<>();
    for (int c = 1; c <= COUNTERS; c++) {
      String counter = Integer.toString(c);
      counters.add(CompletableFuture.runAsync(() -> {
        while (true) {
          Api.Response r = app.counter("load", counter, "call-next", token);
          if (r.status() == 204) {
            return;
          }
          assertThat(r.status()).as(r.body()).isEqualTo(200);
          JsonObject ticket = r.json().getJsonObject("ticket");
          assertThat(ticket.getString("counter")).isEqualTo(counter);
          assertThat(ticket.getString("status")).isEqualTo("CALLED");
          if (calledBy.putIfAbsent(ticket.getString("id"), counter) != null) {
            duplicates.add(ticket.getString("id"));
          }
        }
      }, java.util.concurrent.Executors.newSingleThreadExecutor()));
    }
    CompletableFuture.allOf(counters.toArray(CompletableFuture[]::new)).get(180, TimeUnit.SECONDS);

    assertThat(duplicates).as("tickets called twice").isEmpty();
    assertThat(calledBy.keySet()).as("every issued ticket was called").isEqualTo(issuedIds);
    assertThat(new HashSet<>(calledBy.values())).as("all counters took part").hasSize(COUNTERS);
    for (String id : issuedIds.stream().limit(50).toList()) {
      JsonObject t = app.api().get("/api/v1/tickets/" + id).json();
      // each call-next skipped the counter's previous ticket, called and never started
      assertThat(t.getString("status")).isIn("CALLED", "NO_SHOW");
    }
  }
}
