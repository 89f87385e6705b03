package vn.layso.store.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.NettyCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.layso.common.ApiException;
import vn.layso.common.Redact;

/**
 * The one place that talks to Redis: one async connection per serving event loop, a pub/sub
 * connection, the Lua script registry and the bridge that brings Lettuce's answers back onto the
 * caller's Vert.x context. While Redis is unreachable, commands are rejected at once and surface as 503.
 */
public final class RedisStore implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RedisStore.class);
  private static final String LUA_LIB = "lua/lib.lua";
  /** HISTORY_DAYS' default (Config). */
  static final Duration DEFAULT_HISTORY = Duration.ofDays(400);

  private final Vertx vertx;
  private final ClientResources resources;
  private final List<Lane> lanes;
  private final Map<String, Script> scripts = new ConcurrentHashMap<>();
  private final Map<Variant, Built> variants = new ConcurrentHashMap<>();
  /** Written into every script (LuaSource.constants): this server's configuration. */
  private final Map<String, String> constants;
  private StatefulRedisPubSubConnection<String, String> pubSub;

  private record Script(String source, String sha) {
  }

  private record Variant(String name, Object slot) {
  }

  private record Built(Object identity, Script script) {
  }

  /** One event loop with the client and connection whose I/O runs on it. */
  private record Lane(EventLoop loop, ClientResources resources, RedisClient client,
                      StatefulRedisConnection<String, String> connection, RedisAsyncCommands<String, String> commands) {
  }

  private RedisStore(Vertx vertx, ClientResources resources, List<Lane> lanes, Duration history) {
    this.vertx = vertx;
    this.resources = resources;
    this.lanes = lanes;
    this.constants = LuaSource.constants(history);
  }

  /**
   * Connects (blocking: call at start-up, off the event loops): one connection per event loop in
   * {@code loops}, each with its I/O on that loop, so a command sent from a loop is written and its
   * reply read by that same thread. Lettuce's other resources (timer, computation pool) are shared.
   * The connections are named {@code layso-loop-<n>} (and the subscription {@code layso-events}) in
   * Redis's CLIENT LIST. The scripts keep a ticket's history for the default HISTORY_DAYS.
   */
  public static RedisStore connect(Vertx vertx, List<EventLoop> loops, String uri, Duration commandTimeout) {
    return connect(vertx, loops, uri, commandTimeout, DEFAULT_HISTORY);
  }

  /**
   * As {@link #connect(Vertx, List, String, Duration)}, with the server's history lifetime
   * (HISTORY_DAYS), which the scripts are written with (LuaSource.constants).
   */
  public static RedisStore connect(Vertx vertx, List<EventLoop> loops, String uri, Duration commandTimeout,
                                   Duration history) {
    ClientResources resources = DefaultClientResources.builder().nettyCustomizer(new NettyCustomizer() {
      @Override
      public void afterChannelInitialized(Channel channel) {
        // Commands sent while a loop works through a batch of ready HTTP connections leave in one
        // write at the end of the batch instead of one system call each (Redis then reads them in
        // one go and answers in one write). A lone command still leaves at once: when no read is in
        // progress the flush runs as the loop's next task.
        channel.pipeline().addFirst(new FlushConsolidationHandler(
            FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
      }
    }).build();
    RedisURI redisUri = RedisURI.create(uri);
    List<Lane> lanes = new ArrayList<>();
    try {
      for (EventLoop loop : loops) {
        lanes.add(lane(resources, loop, RedisURI.builder(redisUri).withClientName("layso-loop-" + lanes.size())
            .build(), commandTimeout));
      }
    } catch (RedisConnectionException unreachable) {
      lanes.forEach(RedisStore::closeLane);
      resources.shutdown();
      // host and port only: the URI may carry a password
      throw new IllegalStateException("Redis is not reachable at " + redisUri.getHost() + ":" + redisUri.getPort());
    }
    return new RedisStore(vertx, resources, List.copyOf(lanes), history);
  }

  private static Lane lane(ClientResources shared, EventLoop loop, RedisURI uri, Duration commandTimeout) {
    ClientResources own = shared.mutate().eventLoopGroupProvider(new SharedEventLoop(loop)).build();
    RedisClient client = RedisClient.create(own, uri);
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).build())
        .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
        .build());
    try {
      StatefulRedisConnection<String, String> connection = client.connect();
      return new Lane(loop, own, client, connection, connection.async());
    } catch (RuntimeException e) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      own.shutdown(0, 2, java.util.concurrent.TimeUnit.SECONDS);
      throw e;
    }
  }

  /** Runs one Lettuce call and completes on the caller's context; connection trouble becomes 503. */
  public <T> Future<T> call(Function<RedisAsyncCommands<String, String>, CompletionStage<T>> op) {
    var context = vertx.getOrCreateContext();
    CompletionStage<T> stage;
    try {
      stage = op.apply(commands());
    } catch (RuntimeException rejected) {
      return Future.failedFuture(unavailable(rejected));
    }
    return Future.fromCompletionStage(stage, context).recover(t -> Future.failedFuture(unavailable(t)));
  }

  /** The connection of the calling event loop; off the loops (start-up, workers) the first one. */
  private RedisAsyncCommands<String, String> commands() {
    for (Lane lane : lanes) {
      if (lane.loop().inEventLoop()) {
        return lane.commands();
      }
    }
    return lanes.get(0).commands();
  }

  private static Throwable unavailable(Throwable t) {
    if (t instanceof ApiException || t instanceof RedisCommandExecutionException) {
      return t;
    }
    LOG.atWarn().addKeyValue("error", Redact.error(t)).log("redis unavailable");
    return new ApiException(ApiException.Kind.UNAVAILABLE, "store_unavailable");
  }

  /**
   * Runs a Lua script from {@code src/main/resources/lua/<name>.lua} (with the shared lib.lua in
   * front) by its SHA, loading it on first use and again after a Redis restart (NOSCRIPT).
   */
  public Future<String> script(String name, List<String> keys, List<String> args) {
    return run(scripts.computeIfAbsent(name, this::loadSource), keys, args);
  }

  /**
   * Runs script {@code name} with {@code constants} (NAME -> Lua literal) written into its text
   * (LuaSource): one script per {@code slot} (e.g. an office), rebuilt when {@code identity} (what the
   * constants are made from, e.g. the office's settings) is no longer the one it was built for, so
   * the map is built only then and a long-running server keeps one text per slot, not one per
   * setting it ever saw. Redis keeps each loaded text until it restarts or is flushed.
   */
  public Future<String> script(String name, Object slot, Object identity,
                               java.util.function.Supplier<Map<String, String>> constants,
                               List<String> keys, List<String> args) {
    Variant key = new Variant(name, slot);
    Built built = variants.get(key);
    if (built == null || !built.identity().equals(identity)) {
      Map<String, String> all = new java.util.HashMap<>(this.constants);
      all.putAll(constants.get());
      String source = LuaSource.of(name, RedisStore::resource, all);
      built = new Built(identity, new Script(source, sha1(source)));
      variants.put(key, built);
    }
    return run(built.script(), keys, args);
  }

  private Future<String> run(Script script, List<String> keys, List<String> args) {
    String[] k = keys.toArray(String[]::new);
    String[] a = args.toArray(String[]::new);
    return this.<String>call(c -> c.evalsha(script.sha(), ScriptOutputType.VALUE, k, a))
        .recover(t -> {
          if (t instanceof RedisNoScriptException) {
            return this.<String>call(c -> c.scriptLoad(script.source())
                .thenCompose(sha -> c.<String>evalsha(sha, ScriptOutputType.VALUE, k, a)));
          }
          return Future.failedFuture(t);
        });
  }

  private Script loadSource(String name) {
    String source = LuaSource.of(name, RedisStore::resource, constants);
    return new Script(source, sha1(source));
  }

  /**
   * What Redis is sent for a script (LuaSource): the helpers it reaches, then the script, written
   * with the default configuration's constants.
   */
  public static String source(String name, java.util.function.Function<String, String> read) {
    return LuaSource.of(name, read, LuaSource.constants(DEFAULT_HISTORY));
  }

  private static String resource(String path) {
    try (InputStream in = RedisStore.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha1(String text) {
    try {
      var digest = java.security.MessageDigest.getInstance("SHA-1");
      return java.util.HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Subscribes to a channel over this JVM's one pub/sub connection; the listener gets that
   * channel's messages only, on the connection's event loop.
   */
  public synchronized void subscribe(String channel, BiConsumer<String, String> listener) {
    if (pubSub == null) {
      pubSub = lanes.get(0).client().connectPubSub();
      pubSub.sync().clientSetname("layso-events");
    }
    pubSub.addListener(new RedisPubSubAdapter<>() {
      @Override
      public void message(String ch, String message) {
        if (channel.equals(ch)) {
          listener.accept(ch, message);
        }
      }
    });
    pubSub.sync().subscribe(channel);
  }

  /** PING with the store's timeout: the basis of /health. */
  public Future<String> ping() {
    return call(RedisAsyncCommands::ping);
  }

  @Override
  public void close() {
    if (pubSub != null) {
      pubSub.close();
    }
    lanes.forEach(RedisStore::closeLane);
    resources.shutdown(0, 2, java.util.concurrent.TimeUnit.SECONDS);
  }

  private static void closeLane(Lane lane) {
    lane.connection().close();
    lane.client().shutdown(Duration.ZERO, Duration.ofSeconds(2));
    lane.resources().shutdown(0, 2, java.util.concurrent.TimeUnit.SECONDS);
  }
}
