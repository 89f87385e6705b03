package vn.layso.web;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.layso.auth.Auth;
import vn.layso.common.ApiException;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.ServiceDef;

/**
 * Each field's booking link and its QR code, for the office's staff to share in Zalo or print
 * (the page /book/share). The QR is public: it carries nothing but the public link, and an
 * {@code <img>} cannot send a token.
 */
public final class BookingLinkRoutes {

  private final OfficeRegistry offices;
  private final String publicUrl;

  /** {@code publicUrl}: PUBLIC_URL, or null to use the origin each request came to. */
  public BookingLinkRoutes(OfficeRegistry offices, String publicUrl) {
    this.offices = offices;
    this.publicUrl = publicUrl;
  }

  public void mount(Router router) {
    router.get("/api/v1/offices/:office/booking-links").respond(this::links);
    router.get("/api/v1/offices/:office/services/:service/booking-qr.svg").respond(this::qr);
  }

  private Future<JsonObject> links(RoutingContext ctx) {
    Office office = offices.require(ctx.pathParam("office"));
    Auth.requireStaff(ctx, office.id());
    String base = base(ctx);
    JsonArray links = new JsonArray();
    for (ServiceDef service : office.services()) {
      links.add(new JsonObject().put("service", service.code()).put("name", service.name())
          .put("url", BookingLink.of(base, office.id(), service.code()))
          .put("qr", "/api/v1/offices/" + office.id() + "/services/" + service.code() + "/booking-qr.svg"));
    }
    return Future.succeededFuture(new JsonObject().put("office", office.id()).put("name", office.name())
        .put("url", base + "/book?office=" + office.id()).put("links", links));
  }

  private Future<Buffer> qr(RoutingContext ctx) {
    Office office = offices.require(ctx.pathParam("office"));
    String service = ctx.pathParam("service");
    if (office.service(service).isEmpty()) {
      throw ApiException.notFound("unknown_service", OfficeRegistry.safe(service));
    }
    String svg = QrSvg.of(BookingLink.of(base(ctx), office.id(), service));
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "image/svg+xml; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
        .putHeader("Content-Security-Policy", "default-src 'none'")
        .putHeader(HttpHeaders.VARY, "Host");
    return Future.succeededFuture(Buffer.buffer(svg));
  }

  private String base(RoutingContext ctx) {
    HostAndPort authority = ctx.request().authority();
    String base = TicketLink.base(publicUrl, ctx.request().scheme(),
        authority == null ? null : authority.host(), authority == null ? -1 : authority.port());
    if (base == null) {
      throw ApiException.invalid("invalid_host");
    }
    return base;
  }
}
