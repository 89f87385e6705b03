package vn.layso.verify;

import io.vertx.core.Future;

/**
 * Delivers a one-time code to a phone (Zalo ZNS's OTP template, else the SMS gateway hook: see
 * vn.layso.notify.OtpMessages). The code and the phone must never be logged.
 */
public interface OtpChannel {

  /** Sends {@code code} to {@code phone} (+84…); the future holds the channel used ("zalo" or "sms") or fails. */
  Future<String> send(String phone, String code);
}
