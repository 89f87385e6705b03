package vn.layso.balance;

import java.util.List;
import vn.layso.api.ApiShape;
import vn.layso.balance.domain.Advice;

/**
 * The office as a manager sees it: the advice as last published, when it began, and every field's
 * and counter's state now.
 */
public record BalanceView(@ApiShape.Required String office, @ApiShape.Required List<AdviceItem> advice,
                          @ApiShape.Format("date-time") String since, @ApiShape.Required List<FieldState> fields,
                          @ApiShape.Required List<CounterState> counters) {

  /** One recommendation, as the view, the store and the balance.advice event carry it. */
  @ApiShape.Name("BalanceAdviceItem")
  public record AdviceItem(@ApiShape.Required Advice.Kind kind, @ApiShape.Required String service, String counter,
                           Boolean backup, @ApiShape.Min(0) int predictedMinutes, @ApiShape.Min(1) int targetMinutes,
                           @ApiShape.Min(0) int waiting, @ApiShape.Required AdviceText text) {

    static AdviceItem of(Advice a) {
      return new AdviceItem(a.kind(), a.service(), a.counter(), a.backup() ? Boolean.TRUE : null, a.predictedMinutes(),
          a.targetMinutes(), a.waiting(), new AdviceText(a.vi(), a.en()));
    }
  }

  /** What a manager reads. */
  @ApiShape.Name("BalanceAdviceText")
  public record AdviceText(@ApiShape.Required String vi, @ApiShape.Required String en) {
  }

  /** A field now. */
  @ApiShape.Name("BalanceFieldState")
  public record FieldState(@ApiShape.Required String service, @ApiShape.Required String name,
                           @ApiShape.Min(0) int waiting, @ApiShape.Min(0) int predictedMinutes,
                           @ApiShape.Min(1) long targetMinutes, boolean overTarget, @ApiShape.Min(0) long countersOpen,
                           @ApiShape.Min(0) long countersIdle) {
  }

  /** A counter now. */
  @ApiShape.Name("BalanceCounterState")
  public record CounterState(@ApiShape.Required String id, @ApiShape.Required String name, boolean open,
                             boolean idle) {
  }
}
