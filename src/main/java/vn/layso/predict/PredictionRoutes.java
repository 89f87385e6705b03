package vn.layso.predict;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import vn.layso.auth.Auth;
import vn.layso.common.ApiException;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;
import vn.layso.predict.domain.Accuracy;

/** How right the wait predictions were: staff of the office and admins only. */
public final class PredictionRoutes {

  private static final DateTimeFormatter VIETNAMESE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
      .withResolverStyle(ResolverStyle.STRICT);

  private final PredictionService predictions;
  private final OfficeRegistry offices;

  public PredictionRoutes(PredictionService predictions, OfficeRegistry offices) {
    this.predictions = predictions;
    this.offices = offices;
  }

  public void mount(Router router) {
    router.get("/api/v1/offices/:office/predictions").respond(this::accuracy);
  }

  private Future<JsonObject> accuracy(RoutingContext ctx) {
    Office office = Auth.staffOffice(ctx, offices);
    String given = ctx.queryParams().get("date");
    LocalDate day = given == null ? predictions.today(office) : date(given);
    return predictions.accuracy(office, day).map(m -> json(office, day, m.shown())
        // the raw model's accuracy on the same tickets (before calibration): what calibration buys
        .put("raw", measures(m.raw())));
  }

  /** yyyy-MM-dd or dd/MM/yyyy, a real date; anything else is 400 invalid_date. */
  static LocalDate date(String value) {
    try {
      if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(value);
      }
      if (value.matches("\\d{2}/\\d{2}/\\d{4}")) {
        return LocalDate.parse(value, VIETNAMESE);
      }
    } catch (DateTimeParseException e) {
      // falls through to the refusal
    }
    throw ApiException.invalid("invalid_date", "date");
  }

  static JsonObject json(Office office, LocalDate day, Accuracy a) {
    return new JsonObject().put("office", office.id()).put("date", day.toString()).put("count", a.count())
        .mergeIn(measures(a));
  }

  /** The errors, the p90 coverage, and the same by people ahead next to the floor. */
  private static JsonObject measures(Accuracy a) {
    JsonArray rows = new JsonArray();
    for (Accuracy.Row r : a.byAhead()) {
      rows.add(new JsonObject().put("aheadFrom", r.aheadFrom()).put("aheadTo", r.aheadTo()).put("count", r.count())
          .put("medianAbsoluteErrorMinutes", r.medianAbsoluteErrorMinutes())
          .put("medianRelativeError", r.medianRelativeError()).put("withinP90Share", r.withinP90Share())
          .put("floor", r.floor()));
    }
    return new JsonObject().put("medianAbsoluteErrorMinutes", a.medianAbsoluteErrorMinutes())
        .put("medianRelativeError", a.medianRelativeError()).put("withinP90Share", a.withinP90Share())
        .put("byAhead", rows);
  }
}
