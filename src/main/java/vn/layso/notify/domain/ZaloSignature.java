package vn.layso.notify.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The signature of a Zalo OA webhook event: {@code X-ZEvent-Signature} is the SHA-256 (hex) of
 * app id + raw body + timestamp + OA secret key, sent as the bare hex or as {@code mac=<hex>}.
 */
public final class ZaloSignature {

  private ZaloSignature() {
  }

  public static String of(String appId, byte[] rawBody, String timestamp, String oaSecretKey) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(appId.getBytes(StandardCharsets.UTF_8));
      sha.update(rawBody);
      sha.update(timestamp.getBytes(StandardCharsets.UTF_8));
      sha.update(oaSecretKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compares in constant time; false for a missing or malformed header. */
  public static boolean valid(String header, String appId, byte[] rawBody, String timestamp, String oaSecretKey) {
    if (header == null || timestamp == null || appId == null || oaSecretKey == null) {
      return false;
    }
    String given = header.strip();
    if (given.startsWith("mac=")) {
      given = given.substring(4).strip();
    }
    String expected = of(appId, rawBody, timestamp, oaSecretKey);
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        given.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }
}
