package vn.layso.rating;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.layso.api.ApiShape;
import vn.layso.rating.domain.Rating;
import vn.layso.rating.domain.RatingScale;

/** A rating as its channel is told: level, scale, channel, when; never whom it is about. */
@ApiShape.Name("Rating")
public record RatingView(int level, int levels, @ApiShape.Required @ApiShape.Values({"web", "tablet", "zalo"}) String channel,
                         @ApiShape.Required @ApiShape.Format("date-time") String at) {

  private static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

  static RatingView of(Rating r, ZoneId zone) {
    return new RatingView(r.level(), r.levels(), r.channel(), time(r.at(), zone));
  }

  static String time(Instant at, ZoneId zone) {
    return OFFSET_TIME.format(at.atZone(zone));
  }

  /** A level of the scale, best first. */
  @ApiShape.Name("RatingLevel")
  public record Level(@ApiShape.Min(1) @ApiShape.Max(5) int level, @ApiShape.Required String label,
                      @ApiShape.Required String labelEn) {
  }

  /** A reason offered for the lowest level. */
  @ApiShape.Name("RatingReason")
  public record Reason(@ApiShape.Required String code, @ApiShape.Required String label, @ApiShape.Required String labelEn) {
  }

  static List<Level> levels(int count) {
    return RatingScale.levels(count).stream().map(l -> new Level(l.value(), l.vi(), l.en())).toList();
  }

  static List<Reason> reasons() {
    return RatingScale.reasons().stream().map(r -> new Reason(r.code(), r.vi(), r.en())).toList();
  }

  /** A ticket's rating state: whether it may be rated, until when, its rating, the scale and the reasons. */
  @ApiShape.Name("RatingState")
  public record State(boolean open, @ApiShape.Nullable @ApiShape.Format("date-time") String closesAt,
                      @ApiShape.Nullable RatingView rating, @ApiShape.Required List<Level> levels,
                      @ApiShape.Required List<Reason> reasons) {
  }

  /** What a counter's rating tablet shows: who served, the counter, the scale, and the ticket it may rate. */
  @ApiShape.Name("RatingPrompt")
  public record Prompt(@ApiShape.Nullable String officer, @ApiShape.Required CounterName counter,
                       @ApiShape.Required List<Level> levels, @ApiShape.Required List<Reason> reasons,
                       @ApiShape.Nullable PromptTicket ticket) {
  }

  @ApiShape.Name("RatingCounter")
  public record CounterName(@ApiShape.Required String id, @ApiShape.Required String name) {
  }

  /** The ticket the counter completed last, while it may be rated there: its number and field's name, never its id. */
  @ApiShape.Name("RatingTicket")
  public record PromptTicket(@ApiShape.Required String number, @ApiShape.Required String field) {
  }
}
