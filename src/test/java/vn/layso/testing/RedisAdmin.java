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
}
