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
    // one draw of 64 bits, 5 a character: the 60 bits of twelve nextInt(32) draws (each the top 5 bits
    // of its own draw) for a twelfth of the SecureRandom calls, each of which takes its lock
    byte[] random = new byte[8];
    RANDOM.nextBytes(random);
    long bits = 0;
    for (byte b : random) {
      bits = bits << 8 | (b & 0xFF);
    }
    char[] out = new char[12];
    for (int i = 0; i < out.length; i++) {
      out[i] = ALPHABET[(int) (bits >>> (5 * i)) & 31];
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
