package vn.layso.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one exception type the API speaks: a kind (mapped to an HTTP status), a stable machine code,
 * and message arguments. The human message is looked up by code in the caller's language.
 */
public final class ApiException extends RuntimeException {

  public enum Kind {
    INVALID(400), UNAUTHORIZED(401), FORBIDDEN(403), NOT_FOUND(404), METHOD_NOT_ALLOWED(405),
    CONFLICT(409), GONE(410), PRECONDITION_FAILED(412), TOO_LARGE(413), UNSUPPORTED_MEDIA(415), PRECONDITION_REQUIRED(428),
    TOO_MANY(429), INTERNAL(500), UNAVAILABLE(503);

    public final int status;

    Kind(int status) {
      this.status = status;
    }
  }

  private final Kind kind;
  private final String code;
  private final transient Object[] args;
  private final transient Map<String, Object> details = new LinkedHashMap<>();

  public ApiException(Kind kind, String code, Object... args) {
    super(code, null, false, false);
    this.kind = kind;
    this.code = code;
    this.args = args;
  }

  public Kind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  public Object[] args() {
    return args.clone();
  }

  /** Adds a machine-readable field to the error body (for example office_closed's opensAt). */
  public ApiException with(String field, Object value) {
    details.put(field, value);
    return this;
  }

  public Map<String, Object> details() {
    return Collections.unmodifiableMap(details);
  }

  public static ApiException invalid(String code, Object... args) {
    return new ApiException(Kind.INVALID, code, args);
  }

  public static ApiException notFound(String code, Object... args) {
    return new ApiException(Kind.NOT_FOUND, code, args);
  }

  public static ApiException conflict(String code, Object... args) {
    return new ApiException(Kind.CONFLICT, code, args);
  }
}
