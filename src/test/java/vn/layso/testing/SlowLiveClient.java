package vn.layso.testing;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A lobby screen that stops reading: a plain TCP socket with a tiny receive buffer that does the
 * WebSocket handshake by hand and then reads frames only when told to, so while it is idle the
 * server's writes really back up (in TCP, then in the server's write queue). It can also send
 * (masked, as a client must), to play a client that talks without reading.
 */
public final class SlowLiveClient implements AutoCloseable {

  /** A server close frame: the code and reason it gave. */
  public record Close(int code, String reason) {
  }

  private final Socket socket = new Socket();
  private final DataInputStream in;
  private final OutputStream out;
  private final Map<String, String> responseHeaders = new HashMap<>();
  private Close close;

  public SlowLiveClient(int port, String office) throws IOException {
    this(port, office, "");
  }

  /** {@code extraHeaders}: further request header lines, each ending in CRLF. */
  public SlowLiveClient(int port, String office, String extraHeaders) throws IOException {
    socket.setReceiveBufferSize(4096);
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    socket.setSoTimeout(10_000);
    String key = Base64.getEncoder().encodeToString("layso-slow-client".getBytes(StandardCharsets.US_ASCII));
    out = new java.io.BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    out.write(("GET /api/v1/offices/" + office + "/live HTTP/1.1\r\nHost: 127.0.0.1:" + port
        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
        + "\r\nSec-WebSocket-Version: 13\r\n" + extraHeaders + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    in = new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
    String status = readLine();
    if (!status.startsWith("HTTP/1.1 101")) {
      throw new IOException("no upgrade: " + status);
    }
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      int colon = line.indexOf(':');
      responseHeaders.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
    }
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b; (b = in.read()) != -1; ) {
      if (b == '\n') {
        break;
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  /** A header of the server's 101 answer (name in any case), or null. */
  public String responseHeader(String name) {
    return responseHeaders.get(name.toLowerCase(Locale.ROOT));
  }

  /** Reads frames until the next text message (pings and other control frames are skipped). */
  public JsonObject next() throws IOException {
    String text = nextText();
    if (text == null) {
      throw new IOException("server closed the socket: " + close);
    }
    return new JsonObject(text);
  }

  /** The next text message, or null once the server's close frame has been read. */
  public String nextText() throws IOException {
    while (true) {
      int first = in.readUnsignedByte();
      int second = in.readUnsignedByte();
      long length = second & 0x7F;
      if (length == 126) {
        length = in.readUnsignedShort();
      } else if (length == 127) {
        length = in.readLong();
      }
      byte[] payload = new byte[(int) length];
      in.readFully(payload);
      int opcode = first & 0x0F;
      if (opcode == 1) {
        return new String(payload, StandardCharsets.UTF_8);
      }
      if (opcode == 8) {
        int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
        String reason = payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
        close = new Close(code, reason);
        return null;
      }
    }
  }

  /** Reads everything the server sent until its close frame; answers the close and how many texts came. */
  public Close readUntilClose(int[] texts) throws IOException {
    while (nextText() != null) {
      texts[0]++;
    }
    return close;
  }

  /** Sends one masked text frame (at most 125 bytes, as every test message is). */
  public void send(String text) throws IOException {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    if (payload.length > 125) {
      throw new IllegalArgumentException("test frames are short");
    }
    byte[] mask = {0x1a, 0x2b, 0x3c, 0x4d};
    byte[] frame = new byte[6 + payload.length];
    frame[0] = (byte) 0x81;
    frame[1] = (byte) (0x80 | payload.length);
    System.arraycopy(mask, 0, frame, 2, 4);
    for (int i = 0; i < payload.length; i++) {
      frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
    }
    out.write(frame);
  }

  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
