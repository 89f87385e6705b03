package vn.layso.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import java.nio.file.Path;
import vn.layso.common.ApiException;

/**
 * The pages people touch, served from the jar: the lobby display, the kiosk, the counter console,
 * the manager's console, a citizen's ticket page, the booking page and its staff page of shareable links, with their shared assets under {@code /static}. Every page runs
 * under a Content-Security-Policy that keeps every request on the server's own origin.
 */
public final class PageRoutes {

  private final Path voiceDir;

  /** @param voiceDir a centre's own voice packs, one sub-folder each (null: only the shipped ones) */
  public PageRoutes(Path voiceDir) {
    this.voiceDir = voiceDir;
  }

  public void mount(Router router) {
    // voice packs at /voice/<pack>/: the centre's own (VOICE_DIR) first, then those in the jar
    var voice = router.route("/voice/*").handler(this::assetHeaders);
    if (voiceDir != null) {
      voice.handler(StaticHandler.create(FileSystemAccess.ROOT, voiceDir.toAbsolutePath().toString())
          .setMaxAgeSeconds(3600).setDirectoryListing(false).setIncludeHidden(false));
    }
    voice.handler(StaticHandler.create("webroot/display/voice").setMaxAgeSeconds(3600)
        .setDirectoryListing(false).setIncludeHidden(false));
    router.route("/static/*").handler(this::assetHeaders)
        .handler(StaticHandler.create("webroot").setCachingEnabled(true).setMaxAgeSeconds(3600)
            .setDirectoryListing(false).setIncludeHidden(false).setDefaultContentEncoding("UTF-8"));
    // uPlot, the reports' charts, from its webjar (MIT licence beside it: /webjars/uplot/1.6.30/LICENSE)
    router.route("/webjars/uplot/*").handler(this::assetHeaders)
        .handler(StaticHandler.create("META-INF/resources/webjars/uplot").setCachingEnabled(true)
            .setMaxAgeSeconds(3600).setDirectoryListing(false).setIncludeHidden(false));
    router.get("/").handler(ctx -> page(ctx, "webroot/index.html"));
    router.get("/display").handler(ctx -> page(ctx, "webroot/display/index.html"));
    router.get("/kiosk").handler(ctx -> page(ctx, "webroot/kiosk/index.html"));
    router.get("/counter").handler(ctx -> page(ctx, "webroot/counter/index.html"));
    // the manager's console: live board, settings, accounts, devices, audit (its tabs are #fragments)
    router.get("/admin").handler(ctx -> page(ctx, "webroot/admin/index.html"));
    // booking: ?office=&service= preselect both (the link an office shares in Zalo or prints as a QR)
    router.get("/book").handler(ctx -> page(ctx, "webroot/book/index.html"));
    router.get("/book/share").handler(ctx -> page(ctx, "webroot/book/share.html"));
    // the page reads its ticket through the API, which answers an unknown or malformed id with 404
    router.get("/t/:id").handler(ctx -> page(ctx, "webroot/ticket/index.html"));
    // the counter's rating tablet (a paired rating device of that counter)
    router.get("/rate").handler(ctx -> page(ctx, "webroot/rate/index.html"));
    router.get("/admin/reports").handler(ctx -> page(ctx, "webroot/admin/reports.html"));
  }

  private void page(RoutingContext ctx, String file) {
    ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
        .putHeader("Content-Security-Policy", policy(ctx))
        .sendFile(file)
        .onFailure(missing -> {
          if (!ctx.response().headWritten()) {
            ctx.response().headers().remove("Content-Security-Policy");
            ctx.fail(ApiException.notFound("not_found"));
          }
        });
  }

  private void assetHeaders(RoutingContext ctx) {
    ctx.response().putHeader("Content-Security-Policy", policy(ctx));
    ctx.next();
  }

  /** Same origin only; the live socket is named by its host, which CSP2 browsers' 'self' does not cover. */
  static String policy(RoutingContext ctx) {
    String host = ctx.request().authority() == null ? null : ctx.request().authority().toString();
    String sockets = host == null || !host.matches("[A-Za-z0-9.:\\[\\]-]{1,300}") ? ""
        : " ws://" + host + " wss://" + host;
    return "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; style-src 'self';"
        + " script-src 'self'; connect-src 'self'" + sockets + "; font-src 'self'; object-src 'none';"
        + " base-uri 'none'; form-action 'self'; frame-ancestors 'self'";
  }
}
