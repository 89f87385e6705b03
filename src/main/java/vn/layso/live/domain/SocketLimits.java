package vn.layso.live.domain;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many live sockets one server holds, in all and per client address. A place is reserved
 * before the WebSocket upgrade and given back when the socket closes. IPv6 clients count per /64,
 * the block one home or one centre's Wi-Fi gets, so that a client cannot dodge the cap by
 * rotating addresses inside its own block. Thread-safe: upgrades arrive on every event loop.
 */
public final class SocketLimits {

  /** The answer to a request for a place. */
  public enum Verdict { OPEN, SERVER_FULL, ADDRESS_FULL }

  private final int maxSockets;
  private final int maxPerAddress;
  private final AtomicInteger open = new AtomicInteger();
  private final ConcurrentHashMap<String, Integer> perAddress = new ConcurrentHashMap<>();

  public SocketLimits(int maxSockets, int maxPerAddress) {
    this.maxSockets = maxSockets;
    this.maxPerAddress = maxPerAddress;
  }

  /** Reserves a place for a socket from {@code address}; only {@link Verdict#OPEN} reserves one. */
  public Verdict reserve(String address) {
    if (open.incrementAndGet() > maxSockets) {
      open.decrementAndGet();
      return Verdict.SERVER_FULL;
    }
    boolean[] granted = new boolean[1];
    perAddress.compute(key(address), (k, n) -> {
      int count = n == null ? 0 : n;
      if (count >= maxPerAddress) {
        return n;
      }
      granted[0] = true;
      return count + 1;
    });
    if (!granted[0]) {
      open.decrementAndGet();
      return Verdict.ADDRESS_FULL;
    }
    return Verdict.OPEN;
  }

  /** Gives back the place of a socket from {@code address} (once per successful reserve). */
  public void release(String address) {
    perAddress.computeIfPresent(key(address), (k, n) -> n <= 1 ? null : n - 1);
    open.decrementAndGet();
  }

  public int open() {
    return open.get();
  }

  /** The counting key of an address: itself for IPv4, its /64 block for IPv6. */
  static String key(String address) {
    if (address == null || !address.contains(":")) {
      return address;
    }
    try {
      // an IP literal (a socket peer, or an X-Forwarded-For hop already checked to be one): no lookup
      InetAddress parsed = InetAddress.getByName(address);
      if (!(parsed instanceof Inet6Address)) {
        return parsed.getHostAddress();
      }
      byte[] bytes = parsed.getAddress();
      StringBuilder block = new StringBuilder();
      for (int i = 0; i < 8; i += 2) {
        block.append(Integer.toHexString(((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF))).append(':');
      }
      return block.append(":/64").toString();
    } catch (UnknownHostException notALiteral) {
      return address;
    }
  }
}
