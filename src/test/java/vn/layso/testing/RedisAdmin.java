package vn.layso.testing;

import io.lettuce.core.RedisClient;

/** Direct Redis access for test set-up and inspection only. */
public final class RedisAdmin {

  private RedisAdmin() {
  }

  /**
   * Lets the client go, waiting at most a few seconds: Lettuce's blocking shutdown() waits without a
   * limit for its resources to terminate, and once in a full run it never returned (the fork hung in
   * PersonalDataRotationIT for ten minutes with no Lettuce thread left to complete it).
   */
  public static void shutdown(RedisClient client) {
    try {
      client.shutdownAsync(0, 2, java.util.concurrent.TimeUnit.SECONDS).get(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      // the connection is closed already; what is left are idle threads the JVM's exit takes down
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public static void flush(String uri) {
    RedisClient client = RedisClient.create(uri);
    try (var connection = client.connect()) {
      connection.sync().flushdb();
    } finally {
      shutdown(client);
    }
  }

  /** Reads a key as the server stored it, to check what the API does not show. */
  public static String get(String uri, String key) {
    RedisClient client = RedisClient.create(uri);
    try (var connection = client.connect()) {
      return connection.sync().get(key);
    } finally {
      shutdown(client);
    }
  }

  public static boolean exists(String uri, String key) {
    RedisClient client = RedisClient.create(uri);
    try (var connection = client.connect()) {
      return connection.sync().exists(key) == 1;
    } finally {
      shutdown(client);
    }
  }

  /** Runs one synchronous command (or a few) on the server's Redis, to inspect or disturb it. */
  public static <T> T sync(String uri, java.util.function.Function<io.lettuce.core.api.sync.RedisCommands<String, String>, T> op) {
    RedisClient client = RedisClient.create(uri);
    try (var connection = client.connect()) {
      return op.apply(connection.sync());
    } finally {
      shutdown(client);
    }
  }

  /** Bumps a counter behind the server's back, as if an event had been lost on the way. */
  public static long incr(String uri, String key) {
    RedisClient client = RedisClient.create(uri);
    try (var connection = client.connect()) {
      return connection.sync().incr(key);
    } finally {
      shutdown(client);
    }
  }

  /** Sets a key behind the server's back, as a restore or a failover to a lagging replica would. */
  public static void set(String uri, String key, String value) {
    RedisClient client = RedisClient.create(uri);
    try (var connection = client.connect()) {
      connection.sync().set(key, value);
    } finally {
      shutdown(client);
    }
  }

  public static void del(String uri, String... keys) {
    RedisClient client = RedisClient.create(uri);
    try (var connection = client.connect()) {
      connection.sync().del(keys);
    } finally {
      shutdown(client);
    }
  }

  /**
   * Publishes {@code count} filler events of about {@code size} bytes for an office with versions
   * after {@code from}, as a burst, having moved the office's version to the last of them.
   */
  public static void publishBurst(String uri, String office, long from, int count, int size) throws Exception {
    RedisClient client = RedisClient.create(uri);
    try (var connection = client.connect()) {
      var async = connection.async();
      String padding = "x".repeat(size);
      String epoch = connection.sync().get(vn.layso.store.redis.Keys.epoch(office));
      // as emit does: the version is stored before its event is published
      connection.sync().set(vn.layso.store.redis.Keys.version(office), Long.toString(from + count));
      java.util.List<io.lettuce.core.RedisFuture<Long>> sent = new java.util.ArrayList<>();
      for (int i = 1; i <= count; i++) {
        String event = new io.vertx.core.json.JsonObject().put("type", "test.filler").put("office", office)
            .put("version", from + i).put("epoch", epoch).put("padding", padding).encode();
        sent.add(async.publish(vn.layso.store.redis.Keys.EVENTS_CHANNEL, event));
      }
      for (var f : sent) {
        f.get(30, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      shutdown(client);
    }
  }

  /** Deletes a key behind the server's back. */
  public static void delete(String uri, String key) {
    RedisClient client = RedisClient.create(uri);
    try (var connection = client.connect()) {
      connection.sync().del(key);
    } finally {
      shutdown(client);
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
      shutdown(client);
    }
  }
}
