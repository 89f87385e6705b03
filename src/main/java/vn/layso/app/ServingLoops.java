package vn.layso.app;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.net.ClientOptionsBase;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.transport.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * Vert.x's default transport (NIO) that remembers the event loops it creates for I/O, so that each
 * loop can be given its own Redis connection (see {@code RedisStore}): an HTTP request and the
 * Redis reply it waits for are then handled by the same thread.
 *
 * <p>Vert.x 5 has no public way to get a context's Netty event loop: {@code Vertx.nettyEventLoopGroup()}
 * left the public API in 5.0 and {@code ContextInternal.nettyEventLoop()} lives in the internal
 * package. The transport, by contrast, is public: {@link io.vertx.core.VertxBuilder#withTransport}
 * takes an {@link io.vertx.core.transport.Transport}, whose implementation (this SPI) is what creates
 * the event loop groups. Everything is delegated to the NIO transport unchanged. One visible side
 * effect: {@code Vertx.isNativeTransportEnabled()} answers true, as it only checks for Vert.x's own
 * NIO class; nothing in layso or Vert.x's HTTP stack reads it.
 */
final class ServingLoops implements io.vertx.core.transport.Transport, Transport {

  private final Transport nio = io.vertx.core.transport.Transport.NIO.implementation();
  private volatile EventLoopGroup ioGroup;

  /** The event loops Vert.x serves with, one per configured loop; available once Vert.x is built. */
  List<EventLoop> eventLoops() {
    if (ioGroup == null) {
      throw new IllegalStateException("Vert.x has not created its event loops yet");
    }
    List<EventLoop> loops = new ArrayList<>();
    for (EventExecutor executor : ioGroup) {
      loops.add((EventLoop) executor);
    }
    return loops;
  }

  @Override
  public EventLoopGroup eventLoopGroup(int type, int threads, ThreadFactory threadFactory, int ioRatio) {
    EventLoopGroup group = nio.eventLoopGroup(type, threads, threadFactory, ioRatio);
    if (type == IO_EVENT_LOOP_GROUP) {
      ioGroup = group;
    }
    return group;
  }

  // --- io.vertx.core.transport.Transport: how VertxBuilder names and finds the implementation

  @Override
  public String name() {
    return "nio";
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public Throwable unavailabilityCause() {
    return null;
  }

  @Override
  public Transport implementation() {
    return this;
  }

  // --- the SPI, delegated to NIO

  @Override
  public boolean isAvailable() {
    return nio.isAvailable();
  }

  @Override
  public boolean supportsDomainSockets() {
    return nio.supportsDomainSockets();
  }

  @Override
  public boolean supportFileRegion() {
    return nio.supportFileRegion();
  }

  @Override
  public java.net.SocketAddress convert(SocketAddress address) {
    return nio.convert(address);
  }

  @Override
  public SocketAddress convert(java.net.SocketAddress address) {
    return nio.convert(address);
  }

  @Override
  public IoHandlerFactory ioHandlerFactory() {
    return nio.ioHandlerFactory();
  }

  @Override
  public DatagramChannel datagramChannel() {
    return nio.datagramChannel();
  }

  @Override
  public DatagramChannel datagramChannel(InternetProtocolFamily family) {
    return nio.datagramChannel(family);
  }

  @Override
  public ChannelFactory<? extends Channel> channelFactory(boolean domainSocket) {
    return nio.channelFactory(domainSocket);
  }

  @Override
  public ChannelFactory<? extends ServerChannel> serverChannelFactory(boolean domainSocket) {
    return nio.serverChannelFactory(domainSocket);
  }

  @Override
  public void configure(DatagramChannel channel, DatagramSocketOptions options) {
    nio.configure(channel, options);
  }

  @Override
  public void configure(ClientOptionsBase options, int connectTimeout, boolean domainSocket, Bootstrap bootstrap) {
    nio.configure(options, connectTimeout, domainSocket, bootstrap);
  }

  @Override
  public void configure(NetServerOptions options, boolean domainSocket, ServerBootstrap bootstrap) {
    nio.configure(options, domainSocket, bootstrap);
  }
}
