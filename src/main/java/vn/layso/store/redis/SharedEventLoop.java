package vn.layso.store.redis;

import io.lettuce.core.resource.EventLoopGroupProvider;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Gives one Lettuce client one of the Vert.x event loops that serve HTTP, so a Redis reply is
 * handled on the very thread that waits for it: no hand-off between threads on every command. The
 * loop belongs to Vert.x, so Lettuce's release and shutdown leave it running.
 */
final class SharedEventLoop implements EventLoopGroupProvider {

  private final EventLoop loop;

  SharedEventLoop(EventLoop loop) {
    this.loop = loop;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T extends EventLoopGroup> T allocate(Class<T> type) {
    return (T) loop;
  }

  @Override
  public int threadPoolSize() {
    return 1;
  }

  @Override
  public Future<Boolean> release(EventExecutorGroup group, long quietPeriod, long timeout, TimeUnit unit) {
    return loop.newSucceededFuture(true);
  }

  @Override
  public Future<Boolean> shutdown(long quietPeriod, long timeout, TimeUnit unit) {
    return loop.newSucceededFuture(true);
  }
}
