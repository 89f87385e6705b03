package vn.layso.queue.domain;

import java.security.SecureRandom;

/**
 * Ticket ids: the office id, a dot, and 12 random base-32 characters (60 bits), so a ticket's
 * office is known from its id and ids in links cannot be guessed.
 */
public final class TicketIds {

  private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private TicketIds() {
  }

  public static String next(String office) {
    char[] out = new char[12];
    for (int i = 0; i < out.length; i++) {
      out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return office + "." + new String(out);
  }

  /** The office part of a well-formed id, or null when the id is not one of ours. */
  public static String officeOf(String id) {
    if (id == null || id.length() > 60 || !id.matches("[a-z0-9][a-z0-9-]{0,31}\\.[0-9a-hjkmnp-tv-z]{12}")) {
      return null;
    }
    return id.substring(0, id.indexOf('.'));
  }
}
