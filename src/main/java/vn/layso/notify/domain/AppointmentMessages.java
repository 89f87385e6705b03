package vn.layso.notify.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notifications of one appointment. Tracking ids carry the slot (yyyyMMddHHmm) so a moved
 * booking gets a new confirmation and new reminders while the old slot's pending ones are cancelled
 * through the group "appt:<code>"; "your turn is near" is once per appointment.
 */
public final class AppointmentMessages {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

  /** What the messages say: the booking, its office and field names, in the office's zone. */
  public record Facts(String code, String phone, String name, String officeName, String serviceName,
                      LocalDate date, LocalTime start, ZoneId zone) {
  }

  private AppointmentMessages() {
  }

  public static String group(String code) {
    return "appt:" + code;
  }

  /** The confirmation (now) and the reminders still due, as of {@code now}. */
  public static List<Notification> booked(Facts f, ReminderPlan plan, Instant now) {
    String slot = f.date().atTime(f.start()).format(SLOT);
    List<Notification> out = new ArrayList<>();
    out.add(new Notification(group(f.code()) + ":confirm:" + slot, group(f.code()), f.phone(),
        TemplateKey.CONFIRMATION, data(f, true), now));
    for (ReminderPlan.Reminder r : plan.reminders(f.date(), f.start(), f.zone(), now)) {
      out.add(new Notification(group(f.code()) + ":" + r.suffix() + ":" + slot, group(f.code()), f.phone(),
          r.template(), data(f, r.template() != TemplateKey.REMINDER_SOON), r.at()));
    }
    return out;
  }

  /** "Your turn is near": {@code ahead} tickets wait before the citizen's {@code ticketNumber}. */
  public static Notification turnNear(Facts f, String ticketNumber, int ahead, Instant now) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("customer_name", f.name());
    data.put("booking_code", f.code());
    data.put("office_name", f.officeName());
    data.put("ticket_number", ticketNumber);
    data.put("places_ahead", Integer.toString(ahead));
    return new Notification(group(f.code()) + ":near", group(f.code()), f.phone(), TemplateKey.TURN_NEAR, data, now);
  }

  private static Map<String, String> data(Facts f, boolean withService) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("customer_name", f.name());
    data.put("booking_code", f.code());
    data.put("office_name", f.officeName());
    if (withService) {
      data.put("service_name", f.serviceName());
    }
    data.put("schedule_date", f.date().format(DATE));
    data.put("schedule_time", f.start().format(TIME));
    return data;
  }
}
