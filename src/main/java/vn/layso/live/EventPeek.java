package vn.layso.live;

/**
 * A look at a raw live event (the JSON the Lua scripts publish) without decoding it: which office
 * it belongs to and whether it is of a type. For listeners that only need to know which office
 * changed and hear every event of every office, where a full decode of
 * each would cost more than their whole work. cjson writes strings without spaces around ':'.
 */
public final class EventPeek {

  private static final String OFFICE_FIELD = "\"office\":\"";

  private EventPeek() {
  }

  /** The event's office id, or null when it names none. */
  public static String office(String message) {
    int at = message.indexOf(OFFICE_FIELD);
    int end = at < 0 ? -1 : message.indexOf('"', at + OFFICE_FIELD.length());
    return end < 0 ? null : message.substring(at + OFFICE_FIELD.length(), end);
  }

  /** Whether the event is of {@code type} (e.g. "ticket.issued"). */
  public static boolean isType(String message, String type) {
    return message.contains("\"type\":\"" + type + "\"");
  }
}
