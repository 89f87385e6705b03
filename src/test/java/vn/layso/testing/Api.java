package vn.layso.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A plain HTTP client for tests: real sockets, raw bodies allowed, answers read as JSON. */
public final class Api {

  public record Response(int status, String body, java.net.http.HttpHeaders headers) {
    public JsonObject json() {
      return new JsonObject(body);
    }

    public JsonArray array() {
      return new JsonArray(body);
    }

    public String code() {
      return json().getString("code");
    }
  }

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public Api(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public String base() {
    return base;
  }

  public Response get(String path, String... headers) {
    return send(request(path, headers).GET().build());
  }

  public Response post(String path, String body, String... headers) {
    return send(request(path, headers).POST(body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
  }

  public Response postBytes(String path, byte[] body, String... headers) {
    return send(request(path, headers).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  public Response method(String method, String path, String body, String... headers) {
    return send(request(path, headers).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
  }

  public CompletableFuture<Response> postAsync(String path, String body, String... headers) {
    return http.sendAsync(request(path, headers).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .thenApply(r -> new Response(r.statusCode(), r.body(), r.headers()));
  }

  /** Headers come in name/value pairs; a "token" pseudo-header becomes a bearer Authorization. */
  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      if (headers[i].equals("token")) {
        if (headers[i + 1] != null) {
          b.header("Authorization", "Bearer " + headers[i + 1]);
        }
      } else {
        b.header(headers[i], headers[i + 1]);
      }
    }
    return b;
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
