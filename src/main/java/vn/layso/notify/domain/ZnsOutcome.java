package vn.layso.notify.domain;

import java.util.Set;

/** What a ZNS answer means for the outbox (see DOMAIN.md, "Zalo: the request shapes"). */
public enum ZnsOutcome {
  /** HTTP 200 and error 0. */
  SENT,
  /** -118: the number has no Zalo account; not retried, the SMS fallback is told. */
  NO_ZALO,
  /** HTTP 401, -216, -220, -124: refresh the access token once and retry once. */
  TOKEN,
  /** Zalo or the network is down (5xx, 429, timeouts, connection errors): retried with backoff. */
  RETRY,
  /** Zalo refused the request itself (bad template, data, phone, quota...): retrying cannot help. */
  PERMANENT;

  private static final Set<Integer> TOKEN_ERRORS = Set.of(-216, -220, -124);

  /**
   * Classifies an HTTP answer. {@code error} is the body's error field, null when the body had none
   * (or was not JSON). Negative errors other than the known ones are PERMANENT: Zalo's documented
   * codes there are about the request (template, parameters, quota, blocked user), and resending the
   * same request would fail the same way; the dead-letter list shows them to an admin.
   */
  public static ZnsOutcome of(int status, Integer error) {
    if (status == 401 || (error != null && TOKEN_ERRORS.contains(error))) {
      return TOKEN;
    }
    if (status == 200 && error != null && error == 0) {
      return SENT;
    }
    if (status == 200 && error != null && error == -118) {
      return NO_ZALO;
    }
    if (status >= 500 || status == 429 || status == 408 || (status == 200 && error == null)) {
      return RETRY;
    }
    return PERMANENT;
  }
}
