package vn.layso.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.TestApp;

/**
 * Settings saved at the same time as other saves and as a burst of call-next presses: two managers
 * over one revision, exactly one wins; presses during several saves call every ticket exactly once.
 */
class SettingsConcurrencyIT {

  private static final String SETTINGS = "/api/v1/offices/demo/settings";
  private static TestApp app;
  private static ExecutorService pool;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start();
    pool = Executors.newFixedThreadPool(8);
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
    app.close();
  }

  private static Api.Response put(String token, JsonObject doc, long revision) {
    return app.api().method("PUT", SETTINGS, doc.encode(), "token", token, "If-Match", String.valueOf(revision));
  }

  @Test
  void twoManagersSavingTheSameRevisionOneWinsOneIsRefused() throws Exception {
    String lan = app.tokenFor("lan", "manager", "demo");
    String minh = app.tokenFor("minh", "manager", "demo");
    for (int round = 0; round < 5; round++) {
      JsonObject doc = app.api().get(SETTINGS, "token", lan).json();
      long revision = doc.getLong("revision");
      CountDownLatch go = new CountDownLatch(1);
      List<CompletableFuture<Api.Response>> saves = new ArrayList<>();
      for (String token : List.of(lan, minh)) {
        JsonObject mine = doc.copy();
        mine.getJsonObject("display").put("ticker", "Lưu bởi " + token.substring(0, 6) + " lần " + round);
        saves.add(CompletableFuture.supplyAsync(() -> {
          await(go);
          return put(token, mine, revision);
        }, pool));
      }
      go.countDown();
      List<Integer> statuses = saves.stream().map(CompletableFuture::join).map(Api.Response::status).sorted().toList();
      assertThat(statuses).as("round " + round).containsExactly(200, 412);
      assertThat(app.api().get(SETTINGS, "token", lan).json().getLong("revision")).isEqualTo(revision + 1);
    }
  }

  @Test
  void savesDuringABurstOfCallsLoseAndDoubleNoTicket() throws Exception {
    String manager = app.tokenFor("thu", "manager", "demo");
    Set<String> issued = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      issued.add(app.issue("demo", i % 2 == 0 ? "ho-tich" : "chung-thuc").getString("id"));
    }
    List<String> counters = List.of("2", "3", "4", "5");
    List<String> staff = new ArrayList<>();
    for (String counter : counters) {
      staff.add(app.tokenFor("quay-" + counter, "staff", "demo"));
    }
    ConcurrentLinkedQueue<String> called = new ConcurrentLinkedQueue<>();
    AtomicBoolean saving = new AtomicBoolean(true);
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<Void>> pressers = new ArrayList<>();
    for (int i = 0; i < counters.size(); i++) {
      String counter = counters.get(i);
      String token = staff.get(i);
      pressers.add(CompletableFuture.runAsync(() -> {
        await(go);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (called.size() < issued.size() && System.nanoTime() < deadline) {
          Api.Response r = app.counter("demo", counter, "call-next", token);
          if (r.status() == 200) {
            called.add(r.json().getJsonObject("ticket").getString("id"));
          } else if (r.status() != 204) {
            throw new AssertionError(r.status() + " " + r.body());
          }
        }
      }, pool));
    }
    // counter 2 moves between fields (and weights change) while the others press
    CompletableFuture<Integer> saver = CompletableFuture.supplyAsync(() -> {
      await(go);
      int saves = 0;
      while (saving.get() && saves < 8) {
        JsonObject doc = app.api().get(SETTINGS, "token", manager).json();
        JsonArray fields = saves % 2 == 0
            ? new JsonArray().add(new JsonObject().put("code", "chung-thuc").put("weight", 2))
            : new JsonArray().add(new JsonObject().put("code", "ho-tich").put("weight", 1))
                .add(new JsonObject().put("code", "dat-dai").put("weight", 3));
        doc.getJsonArray("counters").getJsonObject(1).put("services", fields);
        Api.Response r = put(manager, doc, doc.getLong("revision"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        saves++;
      }
      return saves;
    }, pool);
    go.countDown();
    CompletableFuture.allOf(pressers.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    saving.set(false);
    assertThat(saver.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(2);

    assertThat(called).hasSize(issued.size());
    assertThat(new HashSet<>(called)).isEqualTo(issued);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
