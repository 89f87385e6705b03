package vn.layso.booking;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.layso.booking.domain.Appointment;
import vn.layso.booking.domain.AppointmentStatus;
import vn.layso.booking.domain.BookingCalendar;
import vn.layso.booking.domain.BookingCode;
import vn.layso.booking.domain.BookingSettings;
import vn.layso.booking.domain.BookingWindow;
import vn.layso.booking.domain.CitizenId;
import vn.layso.booking.domain.HolidayYear;
import vn.layso.booking.domain.PersonName;
import vn.layso.booking.domain.Slot;
import vn.layso.booking.domain.SlotPlanner;
import vn.layso.booking.domain.TimeRange;
import vn.layso.booking.domain.VietnamesePhone;
import vn.layso.common.ApiException;
import vn.layso.common.Redact;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.OpeningHours;
import vn.layso.office.domain.ServiceDef;

/**
 * Booking: slots with their capacity, holds, reservations, look-up, cancel and reschedule, and
 * the holiday calendar. Java checks the input and the calendar and computes capacity and limits;
 * the store decides atomically.
 */
public final class BookingService {

  private static final Logger LOG = LoggerFactory.getLogger(BookingService.class);
  /** Slot ledgers and citizen limit keys outlive their day by this. */
  private static final Duration DAY_KEYS_SLACK = Duration.ofDays(2);
  private static final int CODE_ATTEMPTS = 5;

  /** A slot as the API shows it. */
  public record SlotView(Slot slot, int available, boolean bookable) {
  }

  /** {@code hold} and {@code session} (the booking page's hold session) may be null. */
  public record BookRequest(String service, String date, String start, String fullName, String phone,
                            String citizenId, String hold, String session) {
  }

  /** A place that may be taken now: the field's slot on that day, checked as a booking checks it. */
  record Place(Office office, ServiceDef field, LocalDate date, Slot slot) {
  }

  private final BookingStore store;
  private final OfficeRegistry offices;
  private final Clock clock;
  private final PersonalDataKey personal;
  private final String unavailableReason;
  private final SecureRandom random = new SecureRandom();
  private volatile BookingEvents events = BookingEvents.NONE;

  /** {@code personal} null: booking refuses with 503 booking_unavailable (the reason is logged at start). */
  public BookingService(BookingStore store, OfficeRegistry offices, Clock clock, PersonalDataKey personal,
                        String unavailableReason) {
    this.store = store;
    this.offices = offices;
    this.clock = clock;
    this.personal = personal;
    this.unavailableReason = unavailableReason;
  }

  /** Where notifications hook in (set once at wiring). */
  public void listen(BookingEvents events) {
    this.events = events;
  }

  public Future<List<SlotView>> slots(String officeId, String service, String dateText) {
    Office office = offices.require(officeId);
    ServiceDef field = field(office, service);
    LocalDate date = date(dateText);
    Instant now = clock.instant();
    BookingWindow window = new BookingWindow(BookingSection.of(office), office.timezone());
    return plan(office, field, date).compose(slots -> {
      if (slots.isEmpty()) {
        return Future.succeededFuture(List.of());
      }
      return store.usage(office.id(), field.code(), date, slots.stream().map(Slot::start).toList(), now)
          .map(used -> slots.stream().map(s -> {
            boolean open = window.check(now, date, s.start()) == BookingWindow.Verdict.OPEN;
            int free = Math.max(0, s.capacity() - used.getOrDefault(s.start(), 0));
            return new SlotView(s, open ? free : 0, open && free > 0);
          }).toList());
    });
  }

  /** The checks a booking makes before it takes a place (HoldService holds one with them). */
  Future<Place> place(String officeId, String service, String dateText, String startText) {
    requireAvailable();
    Office office = offices.require(officeId);
    ServiceDef field = field(office, service);
    LocalDate date = date(dateText);
    LocalTime start = time(startText);
    return bookableSlot(office, field, date, start, clock.instant()).map(slot -> new Place(office, field, date, slot));
  }

  /**
   * The capacity of a slot that may be taken now, checked as a hold checks it: phone verification
   * counts a verified hold in its slot against it.
   */
  public Future<Integer> capacity(String officeId, String service, String date, String start) {
    return place(officeId, service, date, start).map(p -> p.slot().capacity());
  }

  public Future<Appointment> book(String officeId, BookRequest r) {
    requireAvailable();
    Office office = offices.require(officeId);
    ServiceDef field = field(office, r.service());
    String name = PersonName.check(r.fullName());
    if (name == null) {
      throw ApiException.invalid("invalid_name", PersonName.MAX);
    }
    String phone = VietnamesePhone.normalize(r.phone()).orElseThrow(() -> ApiException.invalid("invalid_phone"));
    Instant now = clock.instant();
    String cccd = CitizenId.check(r.citizenId(), now.atZone(office.timezone()).getYear());
    if (cccd == null) {
      throw ApiException.invalid("invalid_citizen_id");
    }
    LocalDate date = date(r.date());
    LocalTime start = time(r.start());
    String hold = r.hold() == null || r.hold().isBlank() ? null : r.hold();
    if (hold != null && !HoldService.isId(hold)) {
      throw ApiException.invalid("invalid_hold");
    }
    String session = HoldService.session(r.session());
    boolean verify = BookingSection.of(office).verifyPhone();
    if (verify && hold == null) {
      throw ApiException.invalid("hold_required");
    }
    return bookableSlot(office, field, date, start, now).compose(slot -> claim(office, date, 0).compose(code -> {
      Appointment a = new Appointment(code, office.id(), field.code(), date, start, slot.end(),
          AppointmentStatus.BOOKED, null, now, name, phone, CitizenId.last4(cccd));
      var stored = new BookingStore.Stored(a, personal.phone(phone), personal.citizenId(cccd));
      // with verification the limits count the verified phone: book.lua books only the phone the hold proved
      BookingStore.Rules rules = rules(office, slot, date, now);
      return store.book(stored, hold, session, verify ? rules.verifying(stored.phoneHash()) : rules)
          .recover(t -> store.releaseCode(code).transform(x -> Future.<Void>failedFuture(t)))
          .map(v -> {
            LOG.atInfo().addKeyValue("office", office.id()).addKeyValue("code", Redact.code(code))
                .addKeyValue("service", field.code()).addKeyValue("slot", date + " " + start)
                .addKeyValue("phone", VietnamesePhone.mask(phone)).log("appointment booked");
            notify(e -> e.booked(office, a));
            return a;
          });
    }));
  }

  /** The appointment behind a code (any office); 404 appointment_not_found. Seam for check-in and pages. */
  public Future<Appointment> find(String codeText) {
    return findStored(codeText).map(BookingStore.Stored::appointment);
  }

  /** The keyed hash a look-up of this code is counted under (never the code itself); null when the text is no code. */
  public String lookupKey(String codeText) {
    String code = BookingCode.parse(codeText);
    return code == null || personal == null ? null : personal.hash("lookup", code);
  }

  public Future<Appointment> cancel(String codeText, String phoneText) {
    requireAvailable();
    String phoneHash = proof(phoneText);
    return findStored(codeText).compose(s -> store.cancel(s, phoneHash, clock.instant())
        .compose(v -> find(codeText)).map(a -> {
          Office office = offices.require(a.office());
          LOG.atInfo().addKeyValue("office", a.office()).addKeyValue("code", Redact.code(a.code()))
              .log("appointment cancelled");
          notify(e -> e.cancelled(office, a));
          return a;
        }));
  }

  public Future<Appointment> reschedule(String codeText, String phoneText, String dateText, String startText) {
    requireAvailable();
    String phoneHash = proof(phoneText);
    LocalDate date = date(dateText);
    LocalTime start = time(startText);
    Instant now = clock.instant();
    return findStored(codeText).compose(s -> {
      Office office = offices.require(s.appointment().office());
      ServiceDef field = field(office, s.appointment().service());
      if (!phoneHash.equals(s.phoneHash())) {
        return Future.failedFuture(ApiException.notFound("appointment_not_found"));
      }
      return bookableSlot(office, field, date, start, now)
          .compose(slot -> store.reschedule(s, phoneHash, date, start, slot.end(), rules(office, slot, date, now)))
          .compose(v -> find(codeText)).map(a -> {
            LOG.atInfo().addKeyValue("office", a.office()).addKeyValue("code", Redact.code(a.code()))
                .addKeyValue("slot", date + " " + start).log("appointment rescheduled");
            notify(e -> e.rescheduled(office, s.appointment(), a));
            return a;
          });
    });
  }

  public Future<HolidayYear> holidays(String officeId, int year) {
    offices.require(officeId);
    requireYear(year);
    return store.holidays(officeId, year).map(json -> json
        .map(text -> HolidayJson.read(year, new JsonObject(text))).orElseGet(() -> HolidayYear.fixed(year)));
  }

  public Future<HolidayYear> saveHolidays(String officeId, int year, JsonObject body) {
    offices.require(officeId);
    requireYear(year);
    HolidayYear parsed = HolidayJson.read(year, body);
    return store.saveHolidays(officeId, year, HolidayJson.write(parsed).encode()).map(parsed);
  }

  /** The office's weekly opening hours in the booking domain's terms. */
  public static Map<DayOfWeek, List<TimeRange>> week(OpeningHours hours) {
    Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
    hours.week().forEach((day, sessions) -> week.put(day,
        sessions.stream().map(s -> new TimeRange(s.open(), s.close())).toList()));
    return week;
  }

  /** The day's slots of the field, with their capacity; empty when closed that day. */
  private Future<List<Slot>> plan(Office office, ServiceDef field, LocalDate date) {
    BookingSettings b = BookingSection.of(office);
    int capacity = SlotPlanner.capacity(b.appointmentShare(), office.countersServing(field.code()), b.slotMinutes(),
        field.avgServiceMinutes());
    return holidays(office.id(), date.getYear()).map(year -> {
      var calendar = new BookingCalendar(b, field.code(), week(office.hours()), year);
      return SlotPlanner.slots(calendar.sessions(date), b.slotMinutes(), capacity);
    });
  }

  private Future<Slot> bookableSlot(Office office, ServiceDef field, LocalDate date, LocalTime start, Instant now) {
    return plan(office, field, date).map(slots -> {
      if (slots.isEmpty()) {
        throw ApiException.invalid("office_closed_that_day", date.format(java.time.format.DateTimeFormatter
            .ofPattern("dd/MM/yyyy")));
      }
      Slot slot = SlotPlanner.find(slots, start).orElseThrow(() -> ApiException.invalid("slot_not_bookable"));
      BookingWindow window = new BookingWindow(BookingSection.of(office), office.timezone());
      switch (window.check(now, date, start)) {
        case PAST -> throw ApiException.invalid("slot_not_bookable");
        case TOO_EARLY -> throw ApiException.invalid("outside_booking_window")
            .with("lastDay", window.lastDay(now).toString());
        case CLOSED -> throw ApiException.invalid("outside_booking_window")
            .with("closedAt", window.closesAt(date).toString());
        default -> { }
      }
      if (slot.capacity() < 1) {
        throw ApiException.conflict("slot_full");
      }
      return slot;
    });
  }

  private BookingStore.Rules rules(Office office, Slot slot, LocalDate date, Instant now) {
    BookingSettings b = BookingSection.of(office);
    Instant endOfDay = date.plusDays(1).atStartOfDay(office.timezone()).toInstant();
    return new BookingStore.Rules(slot.capacity(), b.maxPerDay(), b.maxPerField(), now,
        endOfDay.plus(Duration.ofDays(b.retentionDays())), endOfDay.plus(DAY_KEYS_SLACK));
  }

  private Future<String> claim(Office office, LocalDate date, int attempt) {
    if (attempt >= CODE_ATTEMPTS) {
      return Future.failedFuture(new ApiException(ApiException.Kind.UNAVAILABLE, "store_unavailable"));
    }
    String code = BookingCode.generate(random);
    Instant expiresAt = date.plusDays(1).atStartOfDay(office.timezone()).toInstant()
        .plus(Duration.ofDays(BookingSection.of(office).retentionDays()));
    return store.claimCode(code, office.id(), clock.instant(), expiresAt)
        .compose(free -> free ? Future.succeededFuture(code) : claim(office, date, attempt + 1));
  }

  private Future<BookingStore.Stored> findStored(String codeText) {
    String code = BookingCode.parse(codeText);
    if (code == null) {
      return Future.failedFuture(ApiException.notFound("appointment_not_found"));
    }
    return store.officeOf(code).compose(office -> office.isEmpty()
        ? Future.failedFuture(ApiException.notFound("appointment_not_found"))
        : store.find(office.get(), code).map(s -> s.orElseThrow(() -> ApiException.notFound("appointment_not_found"))));
  }

  private String proof(String phoneText) {
    String phone = VietnamesePhone.normalize(phoneText).orElseThrow(() -> ApiException.invalid("invalid_phone"));
    return personal.phone(phone);
  }

  private void notify(java.util.function.Consumer<BookingEvents> call) {
    try {
      call.accept(events);
    } catch (RuntimeException e) {
      LOG.atWarn().addKeyValue("error", Redact.error(e)).log("booking event listener failed");
    }
  }

  private void requireAvailable() {
    if (personal == null) {
      throw new ApiException(ApiException.Kind.UNAVAILABLE, "booking_unavailable");
    }
  }

  private static ServiceDef field(Office office, String service) {
    if (service == null || service.isBlank()) {
      throw ApiException.invalid("field_required", "service");
    }
    return office.service(service).orElseThrow(() -> ApiException.invalid("unknown_service",
        OfficeRegistry.safe(service)));
  }

  private static LocalDate date(String text) {
    if (text == null || !text.matches("\\d{4}-\\d{2}-\\d{2}")) {
      throw ApiException.invalid("invalid_date", "date");
    }
    try {
      LocalDate date = LocalDate.parse(text);
      requireYear(date.getYear());
      return date;
    } catch (java.time.DateTimeException e) {
      throw ApiException.invalid("invalid_date", "date");
    }
  }

  private static LocalTime time(String text) {
    if (text == null || !text.matches("\\d{2}:\\d{2}")) {
      throw ApiException.invalid("invalid_time");
    }
    try {
      return LocalTime.parse(text);
    } catch (java.time.DateTimeException e) {
      throw ApiException.invalid("invalid_time");
    }
  }

  private static void requireYear(int year) {
    if (year < 2000 || year > 2100) {
      throw ApiException.invalid("invalid_date", "date");
    }
  }

  /** The key of the phone and CCCD hashes (null when booking is off), shared with phone verification. */
  public PersonalDataKey personalDataKey() {
    return personal;
  }

  /**
   * The keyed hash of a CCCD's digits, as bookings keep it for the per-citizen limits (a walk-in
   * counted by its card uses it too); 503 booking_unavailable without the personal-data key.
   */
  public String citizenHash(String digits) {
    requireAvailable();
    return personal.citizenId(digits);
  }

  /** Why booking is off, for the start log; null when it is on. */
  public String unavailableReason() {
    return unavailableReason;
  }
}
