package vn.layso.predict;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import vn.layso.api.ApiJson;
import vn.layso.api.ApiOperation;
import vn.layso.api.ApiShape;
import vn.layso.auth.Auth;
import vn.layso.common.ApiException;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;
import vn.layso.predict.domain.Accuracy;

/** How right the wait predictions were: staff of the office and admins only. */
public final class PredictionRoutes {

  private static final DateTimeFormatter VIETNAMESE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
      .withResolverStyle(ResolverStyle.STRICT);

  /** The route as the OpenAPI document shows it. */
  public static final List<ApiOperation> API = List.of(
      ApiOperation.get("/api/v1/offices/{office}/predictions", "getPredictionAccuracy", "predictions")
          .roles(ApiOperation.STAFF).params("office").query(Query.class).answer(200, AccuracyView.class)
          .errors(400, "invalid_date").errors(401, "login_required", "invalid_token").errors(403, "forbidden")
          .errors(404, "office_not_found").build());

  /** The day asked about: yyyy-MM-dd or dd/MM/yyyy, today by default. */
  record Query(String date) {
  }

  /** How right a day's predictions were, as shown (calibrated) and as the raw model gave them. */
  @ApiShape.Name("PredictionAccuracy")
  public record AccuracyView(@ApiShape.Required String office, @ApiShape.Required @ApiShape.Format("date") String date,
                             @ApiShape.Min(0) int count, @ApiShape.Inline Measures shown,
                             @ApiShape.Required Measures raw) {
  }

  /** The errors, the p90 coverage, and the same by people ahead next to the floor. */
  @ApiShape.Name("PredictionMeasures")
  public record Measures(@ApiShape.Min(0) double medianAbsoluteErrorMinutes, @ApiShape.Min(0) double medianRelativeError,
                         @ApiShape.Min(0) @ApiShape.Max(1) double withinP90Share, @ApiShape.Required List<Row> byAhead) {

    static Measures of(Accuracy a) {
      return new Measures(a.medianAbsoluteErrorMinutes(), a.medianRelativeError(), a.withinP90Share(),
          a.byAhead().stream().map(r -> new Row(r.aheadFrom(), r.aheadTo(), r.count(), r.medianAbsoluteErrorMinutes(),
              r.medianRelativeError(), r.withinP90Share(), r.floor())).toList());
    }
  }

  /** One people-ahead row. */
  @ApiShape.Name("PredictionAccuracyRow")
  public record Row(@ApiShape.Min(0) int aheadFrom, @ApiShape.Nullable @ApiShape.Min(0) Integer aheadTo,
                    @ApiShape.Min(1) int count, @ApiShape.Min(0) double medianAbsoluteErrorMinutes,
                    @ApiShape.Min(0) double medianRelativeError, @ApiShape.Min(0) @ApiShape.Max(1) double withinP90Share,
                    @ApiShape.Min(0) @ApiShape.Max(1) double floor) {
  }

  private final PredictionService predictions;
  private final OfficeRegistry offices;

  public PredictionRoutes(PredictionService predictions, OfficeRegistry offices) {
    this.predictions = predictions;
    this.offices = offices;
  }

  public void mount(Router router) {
    router.get("/api/v1/offices/:office/predictions").respond(this::accuracy);
  }

  private Future<Buffer> accuracy(RoutingContext ctx) {
    Office office = Auth.staffOffice(ctx, offices);
    String given = ctx.queryParams().get("date");
    LocalDate day = given == null ? predictions.today(office) : date(given);
    // with the raw model's accuracy on the same tickets (before calibration): what calibration buys
    return predictions.accuracy(office, day).map(m -> ApiJson.answer(ctx, new AccuracyView(office.id(), day.toString(),
        m.shown().count(), Measures.of(m.shown()), Measures.of(m.raw()))));
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
}
