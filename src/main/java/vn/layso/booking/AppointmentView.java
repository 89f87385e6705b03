package vn.layso.booking;

import java.time.LocalTime;
import vn.layso.api.ApiShape;
import vn.layso.booking.domain.Appointment;
import vn.layso.booking.domain.AppointmentStatus;
import vn.layso.booking.domain.PersonName;
import vn.layso.booking.domain.VietnamesePhone;

/**
 * What the booker gets back: the slot, its status and where the QR and the calendar file are. The
 * one source of an appointment's JSON.
 */
@ApiShape.Name("Appointment")
public record AppointmentView(@ApiShape.Required String code, @ApiShape.Required String office,
                              @ApiShape.Required String service, @ApiShape.Required @ApiShape.Format("date") String date,
                              @ApiShape.Required String start, @ApiShape.Required String end,
                              @ApiShape.Required AppointmentStatus status, @ApiShape.Required String qr,
                              @ApiShape.Required String ics) {

  public static AppointmentView of(Appointment a) {
    return new AppointmentView(a.code(), a.office(), a.service(), a.date().toString(), a.start().toString(),
        time(a.end()), a.status(), "/api/v1/appointments/" + a.code() + "/qr.svg",
        "/api/v1/appointments/" + a.code() + ".ics");
  }

  /** The look-up by code: masked name and phone (null when no longer kept), the CCCD never (not even masked). */
  @ApiShape.Name("AppointmentLookup")
  public record Lookup(@ApiShape.Inline AppointmentView appointment, @ApiShape.Required String fullName,
                       @ApiShape.Nullable String phone, String ticket) {

    public static Lookup of(Appointment a) {
      return new Lookup(AppointmentView.of(a), PersonName.mask(a.fullName()),
          a.phone() == null ? null : VietnamesePhone.mask(a.phone()), a.ticket());
    }
  }

  static String time(LocalTime t) {
    return t.equals(LocalTime.MAX) ? "24:00" : t.toString();
  }
}
