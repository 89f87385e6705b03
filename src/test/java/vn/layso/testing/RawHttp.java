package vn.layso.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends raw bytes as one HTTP/1.1 request, for what the JDK client refuses to send (bytes that are
 * not UTF-8 or not allowed in a URI or header), and reads the answer until the server closes.
 */
public final class RawHttp {

  public record Answer(int status, String head, String body) {
    public String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }

  private RawHttp() {
  }

  /** The request line and headers as bytes (Host and Connection: close added), then the body. */
  public static Answer send(int port, byte[] requestLineAndHeaders, byte[] body) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      var out = socket.getOutputStream();
      out.write(requestLineAndHeaders);
      out.write(("Host: 127.0.0.1\r\nConnection: close\r\n"
          + (body == null ? "" : "Content-Length: " + body.length + "\r\n") + "\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      return parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Answer send(int port, String requestLineAndHeaders, String body) {
    return send(port, requestLineAndHeaders.getBytes(StandardCharsets.UTF_8),
        body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) > 0; ) {
        all.write(buffer, 0, n);
      }
    } catch (java.net.SocketException reset) {
      if (all.size() == 0) {
        throw reset;
      }
    }
    return all.toByteArray();
  }

  private static Answer parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (!text.matches("(?s)HTTP/1\\.[01] .*") || end < 0) {
      throw new IllegalStateException("not an HTTP answer: " + text);
    }
    String head = text.substring(0, end);
    String body = text.substring(end + 4);
    int status = Integer.parseInt(head.substring(9, 12));
    if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
      body = dechunk(body);
    }
    return new Answer(status, head, body);
  }

  private static String dechunk(String chunked) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (true) {
      int lineEnd = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
      if (size == 0) {
        return out.toString();
      }
      byte[] rest = chunked.substring(lineEnd + 2).getBytes(StandardCharsets.UTF_8);
      String chunk = new String(rest, 0, size, StandardCharsets.UTF_8);
      out.append(chunk);
      at = lineEnd + 2 + chunk.length() + 2;
    }
  }
}
