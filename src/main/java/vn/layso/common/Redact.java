package vn.layso.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a log line may say about a citizen's secrets. A booking code or a ticket id is a bearer
 * credential and a phone, a CCCD or a name is personal data: none reaches a log in clear. Codes and
 * ids become a short keyed digest (HMAC with a key made at start, so lines of one server can still be
 * matched to each other but nobody can go back from a digest to the value, not even by trying all
 * 28^7 codes); free text (an exception's message, which may quote a Redis key or a request) is
 * scrubbed of anything shaped like a code, a ticket id, a phone or a CCCD.
 */
public final class Redact {

  private static final byte[] KEY = new byte[32];

  static {
    new SecureRandom().nextBytes(KEY);
  }

  /** A booking code as typed or canonical (K7RM-4XQ9, k7rm4xq9) from the code alphabet. */
  private static final Pattern CODE = Pattern.compile(
      "(?i)(?<![A-Z0-9])[ACDEFGHJKMNPQRTUVWXY2-9]{4}-?[ACDEFGHJKMNPQRTUVWXY2-9]{4}(?![A-Z0-9])");
  /** A ticket id: office, a dot, 12 characters of the ticket alphabet. */
  private static final Pattern TICKET = Pattern.compile("([a-z0-9][a-z0-9-]{0,31})\\.[0-9a-hjkmnp-tv-z]{12}(?![a-z0-9])");
  /** A run of 9 to 12 digits, spaces or dots allowed inside, with or without +: a phone or a CCCD (not a date). */
  private static final Pattern NUMBER = Pattern.compile("(?<![0-9])\\+?[0-9](?:[ .]?[0-9]){8,11}(?![0-9])");
  private static final Pattern DIGIT = Pattern.compile("[0-9]");

  private Redact() {
  }

  /** A booking code: its first two characters (what a citizen reads first) and a digest, e.g. {@code K7…#3fa91c}. */
  public static String code(String code) {
    if (code == null || code.isEmpty()) {
      return String.valueOf(code);
    }
    return code.substring(0, Math.min(2, code.length())) + "…#" + digest(code);
  }

  /** A ticket id: its office (not secret) and a digest, e.g. {@code demo.#90b2e4}. */
  public static String ticket(String id) {
    if (id == null || id.isEmpty()) {
      return String.valueOf(id);
    }
    int dot = id.indexOf('.');
    return (dot > 0 ? id.substring(0, dot + 1) : "") + "#" + digest(id);
  }

  /**
   * A notification's tracking id ({@code appt:<code>:confirm}, {@code rate:<token>}): its kind and
   * its event stay, the code or token in the second place becomes a digest.
   */
  public static String trackingId(String id) {
    if (id == null) {
      return "null";
    }
    String[] parts = id.split(":", 3);
    if (parts.length < 2) {
      return "#" + digest(id);
    }
    return parts[0] + ":#" + digest(parts[1]) + (parts.length == 3 ? ":" + parts[2] : "");
  }

  /** A client address: an IPv4 address without its last part, an IPv6 one without all but its first three groups. */
  public static String address(String address) {
    if (address == null) {
      return "null";
    }
    if (address.indexOf(':') >= 0) {
      String[] groups = address.split(":");
      return String.join(":", java.util.Arrays.copyOf(groups, Math.min(3, groups.length))) + ":*";
    }
    int dot = address.lastIndexOf('.');
    return dot > 0 ? address.substring(0, dot) + ".*" : "*";
  }

  /** A request path without its query, every segment that looks like an id or a code replaced by {@code {id}}. */
  public static String path(String path) {
    if (path == null) {
      return "null";
    }
    int query = path.indexOf('?');
    String[] segments = (query >= 0 ? path.substring(0, query) : path).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      if (idLike(segments[i])) {
        segments[i] = "{id}";
      }
    }
    return String.join("/", segments);
  }

  private static boolean idLike(String segment) {
    return segment.length() >= 16 || CODE.matcher(segment).find() || TICKET.matcher(segment).find()
        || segment.length() >= 8 && DIGIT.matcher(segment).find();
  }

  /** Free text (an error's message) with codes, ticket ids, phones and CCCD numbers replaced. */
  public static String text(String text) {
    if (text == null) {
      return null;
    }
    String out = replace(TICKET.matcher(text), m -> m.group(1) + ".#" + digest(m.group()));
    out = replace(NUMBER.matcher(out), m -> "<number>");
    return replace(CODE.matcher(out), m -> "<code>");
  }

  /** An error for a log's "error" field: its type and its scrubbed message. */
  public static String error(Throwable t) {
    return t == null ? "null" : text(t.toString());
  }

  /**
   * The same failure with every message along its cause chain scrubbed and the stack traces kept,
   * for a log that prints the stack.
   */
  public static Throwable throwable(Throwable t) {
    return t == null ? null : scrubbed(t, 0);
  }

  private static Throwable scrubbed(Throwable t, int depth) {
    Throwable cause = t.getCause() != null && t.getCause() != t && depth < 8 ? scrubbed(t.getCause(), depth + 1) : null;
    Scrubbed copy = new Scrubbed(t.getClass().getName()
        + (t.getMessage() == null ? "" : ": " + text(t.getMessage())), cause);
    copy.setStackTrace(t.getStackTrace());
    return copy;
  }

  /** Stands in for a logged failure: its text is the original's type and scrubbed message. */
  private static final class Scrubbed extends RuntimeException {
    Scrubbed(String text, Throwable cause) {
      super(text, cause, false, true);
    }

    @Override
    public String toString() {
      return getMessage();
    }
  }

  private static String replace(Matcher m, java.util.function.Function<Matcher, String> with) {
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Six hex characters of HMAC-SHA256 under the process key. */
  static String digest(String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)), 0, 3);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
