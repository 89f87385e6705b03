package vn.layso.testing;

import io.lettuce.core.RedisClient;

/** Direct Redis access for test set-up and inspection only. */
public final class RedisAdmin {

  private RedisAdmin() {
  }

  public static void flush(String uri) {
    RedisClient client = RedisClient.create(uri);
    try (var connection = client.connect()) {
      connection.sync().flushdb();
    } finally {
      client.shutdown();
    }
  }

  /** Bumps a counter behind the server's back, as if an event had been lost on the way. */
  public static long incr(String uri, String key) {
    RedisClient client = RedisClient.create(uri);
    try (var connection = client.connect()) {
      return connection.sync().incr(key);
    } finally {
      client.shutdown();
    }
  }

  /**
   * Publishes {@code count} filler events of about {@code size} bytes for an office with versions
   * after {@code from}, as a burst, and moves the office's version to the last of them.
   */
  public static void publishBurst(String uri, String office, long from, int count, int size) throws Exception {
    RedisClient client = RedisClient.create(uri);
    try (var connection = client.connect()) {
      var async = connection.async();
      String padding = "x".repeat(size);
      java.util.List<io.lettuce.core.RedisFuture<Long>> sent = new java.util.ArrayList<>();
      for (int i = 1; i <= count; i++) {
        String event = new io.vertx.core.json.JsonObject().put("type", "test.filler").put("office", office)
            .put("version", from + i).put("padding", padding).encode();
        sent.add(async.publish(vn.layso.store.redis.Keys.EVENTS_CHANNEL, event));
      }
      for (var f : sent) {
        f.get(30, java.util.concurrent.TimeUnit.SECONDS);
      }
      connection.sync().set(vn.layso.store.redis.Keys.version(office), Long.toString(from + count));
    } finally {
      client.shutdown();
    }
  }

  /** Deletes a key behind the server's back. */
  public static void delete(String uri, String key) {
    RedisClient client = RedisClient.create(uri);
    try (var connection = client.connect()) {
      connection.sync().del(key);
    } finally {
      client.shutdown();
    }
  }

  /** CLIENT LIST: one map of fields (id, name, cmd, ...) per connection. */
  public static java.util.List<java.util.Map<String, String>> clients(String uri) {
    RedisClient client = RedisClient.create(uri);
    try (var connection = client.connect()) {
      return connection.sync().clientList().lines().filter(line -> !line.isBlank())
          .map(line -> java.util.Arrays.stream(line.strip().split(" ")).map(field -> field.split("=", 2))
              .collect(java.util.stream.Collectors.toMap(kv -> kv[0], kv -> kv.length > 1 ? kv[1] : "")))
          .toList();
    } finally {
      client.shutdown();
    }
  }
}
