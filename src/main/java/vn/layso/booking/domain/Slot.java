package vn.layso.booking.domain;

import java.time.LocalTime;

/** One bookable slot of a day: its local start and end, and how many appointments it takes. */
public record Slot(LocalTime start, LocalTime end, int capacity) {
}
