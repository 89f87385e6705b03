package vn.layso.settings;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import vn.layso.auth.Auth;
import vn.layso.auth.domain.Principal;
import vn.layso.common.ApiException;
import vn.layso.common.JsonInput;
import vn.layso.common.Messages;
import vn.layso.office.OfficeJson;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.OfficeStore;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.SettingsProblem;

/**
 * An office's settings for its managers (and admins): read with their revision (also the ETag),
 * replace as a whole over that revision ({@code If-Match}), and, for admins, create an office.
 */
public final class SettingsRoutes {

  /** A provincial centre's settings (60 counters, dozens of fields and exceptions) fit well within this. */
  public static final int BODY_LIMIT = 256 * 1024;

  private final SettingsService service;
  private final OfficeRegistry offices;

  public SettingsRoutes(SettingsService service, OfficeRegistry offices) {
    this.service = service;
    this.offices = offices;
  }

  public void mount(Router router) {
    router.get("/api/v1/offices/:office/settings").respond(this::read);
    router.put("/api/v1/offices/:office/settings").respond(this::replace);
    router.post("/api/v1/offices").respond(this::create);
  }

  private Future<JsonObject> read(RoutingContext ctx) {
    Office office = Auth.managedOffice(ctx, offices);
    return service.read(office.id()).map(stored -> answer(ctx, stored));
  }

  private Future<JsonObject> replace(RoutingContext ctx) {
    Office office = Auth.managedOffice(ctx, offices);
    Principal by = Auth.principal(ctx);
    long expected = expectedRevision(ctx.request().getHeader("If-Match"));
    JsonObject body = JsonInput.parse(ctx.body().buffer()).raw();
    return service.save(office.id(), expected, body, by).map(stored -> answer(ctx, stored))
        .recover(t -> Future.failedFuture(localized(ctx, t)));
  }

  private Future<JsonObject> create(RoutingContext ctx) {
    Principal by = Auth.requireAdmin(ctx);
    ctx.response().putHeader("Cache-Control", "no-store");
    JsonObject body = JsonInput.parse(ctx.body().buffer()).raw();
    return service.create(body, by).map(stored -> {
      ctx.response().setStatusCode(201);
      return answer(ctx, stored);
    }).recover(t -> Future.failedFuture(localized(ctx, t)));
  }

  /** {@code If-Match: 7} or {@code "7"} (weak or not); absent or not a revision at all: 428. */
  static long expectedRevision(String header) {
    if (header == null || header.isBlank()) {
      throw new ApiException(ApiException.Kind.PRECONDITION_REQUIRED, "revision_required");
    }
    String value = header.strip();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    value = value.replace("\"", "");
    if (!value.matches("[0-9]{1,15}")) {
      throw new ApiException(ApiException.Kind.PRECONDITION_REQUIRED, "revision_required");
    }
    return Long.parseLong(value);
  }

  private static JsonObject answer(RoutingContext ctx, OfficeStore.Stored stored) {
    ctx.response().putHeader("ETag", "\"" + stored.revision() + "\"").putHeader("Cache-Control", "no-store");
    JsonObject json = OfficeJson.write(stored.office()).put("revision", stored.revision());
    if (stored.pending() != null) {
      json.put("pending", new JsonObject().put("from", stored.pending().from().toString())
          .put("settings", OfficeJson.write(stored.pending().office()))
          .put("reasons", problems(locale(ctx), stored.pending().reasons())));
    }
    return json;
  }

  private static Throwable localized(RoutingContext ctx, Throwable t) {
    if (t instanceof InvalidSettings invalid) {
      return ApiException.invalid("invalid_settings", invalid.problems().size())
          .with("errors", problems(locale(ctx), invalid.problems()));
    }
    return t;
  }

  static JsonArray problems(Locale locale, List<SettingsProblem> problems) {
    return new JsonArray(problems.stream().map(p -> new JsonObject().put("path", p.path()).put("code", p.code())
        .put("message", Messages.text(locale, p.code(), p.args().toArray()))).toList());
  }

  private static Locale locale(RoutingContext ctx) {
    return Messages.fromAcceptLanguage(ctx.request().getHeader("Accept-Language"));
  }
}
