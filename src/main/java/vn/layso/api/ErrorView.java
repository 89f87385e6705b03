package vn.layso.api;

import java.util.List;

/**
 * Every error answer: {@code {"status","code","message"}}, with the few details some codes add.
 * {@code message} is Vietnamese unless the caller prefers English.
 */
@ApiShape.Name("Error")
@ApiShape.Closed
public record ErrorView(int status,
                        @ApiShape.Required @ApiShape.Pattern("^[a-z][a-z_]*$") String code,
                        @ApiShape.Required String message,
                        @ApiShape.Format("date-time") String opensAt,
                        @ApiShape.Format("date-time") String closedAt,
                        @ApiShape.Format("date") String lastDay,
                        @ApiShape.Format("date") String date,
                        String start,
                        String office,
                        String reason,
                        Object limit,
                        Integer retryAfter,
                        Integer triesLeft,
                        String appointmentStatus,
                        HeldTicket ticket,
                        @ApiShape.Ref("SettingsProblem") List<Object> errors,
                        @ApiShape.Ref("Revision") String revision) {

  /** {@code counter_has_ticket}: the ticket still at the counter. */
  public record HeldTicket(@ApiShape.Required String number,
                           @ApiShape.Required @ApiShape.Values({"CALLED", "SERVING"}) String status) {
  }
}
