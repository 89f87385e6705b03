package vn.layso.app;

import io.netty.channel.EventLoop;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.List;

/**
 * Test scope: a Vert.x built exactly as {@link LaysoServer#start} builds it (its event loop count,
 * on the transport that hands each loop its own Redis connection), for the bench's floor server
 * (vn.layso.bench.FloorServer), which must run on the same stack as the real server without its
 * features. ServingLoops is package-private, hence this class here.
 */
public final class BenchVertx {

  /** The Vert.x and its serving event loops (for RedisStore.connect). */
  public record Built(Vertx vertx, List<EventLoop> loops) {
  }

  private BenchVertx() {
  }

  public static Built build(int eventLoops) {
    ServingLoops loops = new ServingLoops();
    Vertx vertx = Vertx.builder().with(new VertxOptions().setEventLoopPoolSize(eventLoops))
        .withTransport(loops).build();
    return new Built(vertx, loops.eventLoops());
  }
}
