package vn.layso.web;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import vn.layso.api.ApiJson;
import vn.layso.api.ApiOperation;
import vn.layso.api.ApiShape;
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

  /** The routes as the OpenAPI document shows them. */
  public static final List<ApiOperation> API = List.of(
      ApiOperation.get("/api/v1/offices/{office}/booking-links", "getBookingLinks", "booking")
          .roles(ApiOperation.STAFF).params("office").answer(200, Links.class).errors(400, "invalid_host")
          .errors(401, "login_required", "invalid_token").errors(403, "forbidden").errors(404, "office_not_found")
          .build(),
      ApiOperation.get("/api/v1/offices/{office}/services/{service}/booking-qr.svg", "getBookingQr", "booking")
          .params("office").path(ServicePath.class).answerMedia(200, "image/svg+xml", "X-Layso-Token")
          .errors(400, "invalid_host").errors(404, "office_not_found", "unknown_service").build());

  record ServicePath(String service) {
  }

  /** The office's booking page and each field's link with the path of its QR code. */
  @ApiShape.Name("BookingLinks")
  public record Links(@ApiShape.Required String office, @ApiShape.Required String name,
                      @ApiShape.Required @ApiShape.Format("uri") String url, @ApiShape.Required List<Link> links) {
  }

  /** One field's booking link. */
  @ApiShape.Name("BookingLink")
  public record Link(@ApiShape.Required String service, @ApiShape.Required String name,
                     @ApiShape.Required @ApiShape.Format("uri") String url, @ApiShape.Required String qr) {
  }

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

  private Future<Buffer> links(RoutingContext ctx) {
    Office office = offices.require(ctx.pathParam("office"));
    Auth.requireStaff(ctx, office.id());
    String base = base(ctx);
    List<Link> links = new ArrayList<>();
    for (ServiceDef service : office.services()) {
      links.add(new Link(service.code(), service.name(), BookingLink.of(base, office.id(), service.code()),
          "/api/v1/offices/" + office.id() + "/services/" + service.code() + "/booking-qr.svg"));
    }
    return Future.succeededFuture(ApiJson.answer(ctx, new Links(office.id(), office.name(),
        base + "/book?office=" + office.id(), links)));
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
