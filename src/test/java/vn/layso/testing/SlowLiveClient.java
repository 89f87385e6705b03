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

/**
 * A lobby screen that stops reading: a plain TCP socket with a tiny receive buffer that does the
 * WebSocket handshake by hand and then reads frames only when told to, so while it is idle the
 * server's writes really back up (in TCP, then in the server's write queue).
 */
public final class SlowLiveClient implements AutoCloseable {

  private final Socket socket = new Socket();
  private final DataInputStream in;

  public SlowLiveClient(int port, String office) throws IOException {
    socket.setReceiveBufferSize(4096);
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    socket.setSoTimeout(10_000);
    String key = Base64.getEncoder().encodeToString("layso-slow-client".getBytes(StandardCharsets.US_ASCII));
    OutputStream out = socket.getOutputStream();
    out.write(("GET /api/v1/offices/" + office + "/live HTTP/1.1\r\nHost: 127.0.0.1:" + port
        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
        + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    in = new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
    String status = readLine();
    if (!status.startsWith("HTTP/1.1 101")) {
      throw new IOException("no upgrade: " + status);
    }
    while (!readLine().isEmpty()) {
      // skip the handshake headers
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

  /** Reads frames until the next text message (pings and other control frames are skipped). */
  public JsonObject next() throws IOException {
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
        return new JsonObject(new String(payload, StandardCharsets.UTF_8));
      }
      if (opcode == 8) {
        throw new IOException("server closed the socket");
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
