package vn.layso.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.layso.api.ApiJson;
import vn.layso.booking.domain.Appointment;
import vn.layso.booking.domain.AppointmentStatus;
import vn.layso.booking.domain.Holiday;
import vn.layso.booking.domain.HolidayYear;
import vn.layso.booking.domain.TimeRange;

/**
 * The booking side's JSON comes from its records, byte for byte what the hand-built JsonObjects of
 * BookingRoutes answered before (the strings below are what they wrote): field order, the look-up's
 * masked name and phone always written (the phone as null once it is no longer kept), the ticket
 * only once checked in, a slot ending at midnight as 24:00, a holiday's hours always written.
 */
class AppointmentViewTest {

  private static final Appointment BOOKED = new Appointment("K7RM4XQ9", "demo", "ho-tich", LocalDate.parse("2026-11-24"),
      LocalTime.parse("08:00"), LocalTime.parse("08:30"), AppointmentStatus.BOOKED, null,
      Instant.parse("2026-11-23T02:00:00Z"), "Nguyễn Văn An", "+84912345678", "2345");
  private static final Appointment CHECKED_IN = new Appointment("K7RM4XQ9", "demo", "ho-tich",
      LocalDate.parse("2026-11-24"), LocalTime.parse("23:30"), LocalTime.MAX, AppointmentStatus.CHECKED_IN,
      "demo.7k2m9q4xv1ab", Instant.parse("2026-11-23T02:00:00Z"), null, null, null);

  @Test
  void theBookersAnswerIsTheSlotWithItsQrAndCalendarFile() {
    assertThat(ApiJson.encode(AppointmentView.of(BOOKED))).isEqualTo("{\"code\":\"K7RM4XQ9\",\"office\":\"demo\","
        + "\"service\":\"ho-tich\",\"date\":\"2026-11-24\",\"start\":\"08:00\",\"end\":\"08:30\",\"status\":\"BOOKED\","
        + "\"qr\":\"/api/v1/appointments/K7RM4XQ9/qr.svg\",\"ics\":\"/api/v1/appointments/K7RM4XQ9.ics\"}");
  }

  @Test
  void theLookUpAddsTheMaskedNameAndPhoneAndTheTicketOnceCheckedIn() {
    assertThat(ApiJson.encode(AppointmentView.Lookup.of(BOOKED))).isEqualTo("{\"code\":\"K7RM4XQ9\",\"office\":\"demo\","
        + "\"service\":\"ho-tich\",\"date\":\"2026-11-24\",\"start\":\"08:00\",\"end\":\"08:30\",\"status\":\"BOOKED\","
        + "\"qr\":\"/api/v1/appointments/K7RM4XQ9/qr.svg\",\"ics\":\"/api/v1/appointments/K7RM4XQ9.ics\","
        + "\"fullName\":\"N*** V*** A***\",\"phone\":\"091****678\"}");
    assertThat(ApiJson.encode(AppointmentView.Lookup.of(CHECKED_IN))).isEqualTo("{\"code\":\"K7RM4XQ9\","
        + "\"office\":\"demo\",\"service\":\"ho-tich\",\"date\":\"2026-11-24\",\"start\":\"23:30\",\"end\":\"24:00\","
        + "\"status\":\"CHECKED_IN\",\"qr\":\"/api/v1/appointments/K7RM4XQ9/qr.svg\","
        + "\"ics\":\"/api/v1/appointments/K7RM4XQ9.ics\",\"fullName\":\"\",\"phone\":null,"
        + "\"ticket\":\"demo.7k2m9q4xv1ab\"}");
  }

  @Test
  void aSlotAndAHolidayYearAreWrittenAsBefore() {
    assertThat(ApiJson.encode(List.of(new BookingRoutes.SlotPlaces("23:30", AppointmentView.time(LocalTime.MAX), 3, 0,
        false)))).isEqualTo("[{\"start\":\"23:30\",\"end\":\"24:00\",\"capacity\":3,\"available\":0,\"bookable\":false}]");
    HolidayYear year = new HolidayYear(2026, List.of(
        new Holiday(LocalDate.parse("2026-01-01"), "Tết Dương lịch", Holiday.Kind.CLOSED, List.of()),
        new Holiday(LocalDate.parse("2026-01-10"), "Làm bù", Holiday.Kind.WORKING,
            List.of(TimeRange.parse("07:30-11:30")))));
    String json = ApiJson.encode(BookingRoutes.HolidayYearView.of(year));
    assertThat(json).isEqualTo("{\"year\":2026,\"days\":[{\"date\":\"2026-01-01\",\"name\":\"Tết Dương lịch\","
        + "\"kind\":\"closed\",\"hours\":[]},{\"date\":\"2026-01-10\",\"name\":\"Làm bù\",\"kind\":\"working\","
        + "\"hours\":[\"07:30-11:30\"]}]}");
    // the store keeps the same text (HolidayJson), so the answer and the stored copy cannot drift
    assertThat(json).isEqualTo(HolidayJson.write(year).encode());
  }
}
