package vn.layso.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import java.nio.charset.StandardCharsets;

/**
 * One text message encoded once (UTF-8) and written to any number of sockets as the same bytes:
 * each socket gets a frame over a duplicate of one unreleasable heap buffer (its own reader index,
 * no copy, no per-socket JSON or UTF-8 work). The heap buffer is not pooled, so Vert.x writes it as
 * is (VertxHandler.safeBuffer copies pooled buffers only) and the release after the write is a no-op.
 *
 * <p>Vert.x 5.0 has no public factory of a text frame from bytes ({@code WebSocketFrame.textFrame}
 * takes a String and encodes it per call), so this uses {@link WebSocketFrameImpl}, the class every
 * public factory returns and {@code writeFrame} expects. Every live IT (LiveEventsIT, LiveEpochIT,
 * the pages' browser tests) reads these frames as the text they were made from.
 */
final class SharedFrame {

  private final String text;
  private final ByteBuf bytes;

  private SharedFrame(String text) {
    this.text = text;
    this.bytes = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8)));
  }

  static SharedFrame of(String text) {
    return new SharedFrame(text);
  }

  /** The message as text (for readers in this JVM). */
  String text() {
    return text;
  }

  /** Its size on the wire, without the frame header. */
  int bytes() {
    return bytes.readableBytes();
  }

  /** A frame for one socket's write: the shared bytes, not copied. */
  WebSocketFrame frame() {
    return new WebSocketFrameImpl(WebSocketFrameType.TEXT, bytes.duplicate(), true);
  }
}
