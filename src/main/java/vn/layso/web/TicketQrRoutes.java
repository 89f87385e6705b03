package vn.layso.web;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import vn.layso.api.ApiOperation;
import vn.layso.common.ApiException;
import vn.layso.queue.QueueService;

/** The QR code the kiosk shows (and prints) under a ticket: it opens the citizen's page {@code /t/<id>}. */
public final class TicketQrRoutes {

  /** The route as the OpenAPI document shows it: the SVG itself, so no record. */
  public static final List<ApiOperation> API = List.of(
      ApiOperation.get("/api/v1/tickets/{id}/qr.svg", "getTicketQr", "tickets").params("id")
          .answerMedia(200, "image/svg+xml", "X-Layso-Token").errors(400, "invalid_host")
          .errors(401, "invalid_token").errors(404, "ticket_not_found").build());

  private final QueueService queue;
  private final String publicUrl;

  /** {@code publicUrl}: PUBLIC_URL, or null to use the origin each request came to. */
  public TicketQrRoutes(QueueService queue, String publicUrl) {
    this.queue = queue;
    this.publicUrl = publicUrl;
  }

  public void mount(Router router) {
    router.get("/api/v1/tickets/:id/qr.svg").respond(this::qr);
  }

  private Future<Buffer> qr(RoutingContext ctx) {
    HostAndPort authority = ctx.request().authority();
    String base = TicketLink.base(publicUrl, ctx.request().scheme(),
        authority == null ? null : authority.host(), authority == null ? -1 : authority.port());
    if (base == null) {
      throw ApiException.invalid("invalid_host");
    }
    String id = ctx.pathParam("id");
    return queue.find(id).map(found -> {
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "image/svg+xml; charset=utf-8")
          // the id is the holder's secret: only the kiosk's (or phone's) own cache keeps it
          .putHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=86400")
          .putHeader("Content-Security-Policy", "default-src 'none'")
          .putHeader(HttpHeaders.VARY, "Host");
      return Buffer.buffer(QrSvg.of(TicketLink.of(base, found.ticket().id())));
    });
  }
}
