package vn.layso.booking;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Names and phones encrypted at rest: a value is stored as
 * {@code pd:<version>:<base64url(iv 12 bytes | ciphertext+tag)>}, AES-256-GCM with a fresh random IV
 * per value, the key HKDF-SHA256 of {@link PersonalDataKey}'s secret with info
 * {@code layso personal data v<version>}, and the Redis key and field name as associated data
 * ({@code key NUL field}), so a value copied to another record or field does not open.
 *
 * <p>New values are sealed with the current version (kept in Redis and followed by every server,
 * see {@code PersonalDataVersions}); any version opens. A value without the {@code pd:} prefix is
 * older data, read as it is. With a previous secret ({@code PERSONAL_DATA_KEY_PREVIOUS}), a value
 * that does not open with the current secret is tried with the previous one: the rotation command
 * then re-encrypts it under the current secret.
 */
public final class PersonalData {

  public static final String PREFIX = "pd:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int MAX_VERSION = 1_000_000;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  });

  private final PersonalDataKey secret;
  private final PersonalDataKey previous;
  private final Map<Integer, SecretKeySpec> keys = new ConcurrentHashMap<>();
  private final Map<Integer, SecretKeySpec> previousKeys = new ConcurrentHashMap<>();
  private volatile int version = 1;

  public PersonalData(PersonalDataKey secret) {
    this(secret, null);
  }

  /** {@code previous} (may be null): the secret being replaced, only ever used to open. */
  public PersonalData(PersonalDataKey secret, PersonalDataKey previous) {
    this.secret = secret;
    this.previous = previous;
  }

  /** The version new values are sealed with. */
  public int version() {
    return version;
  }

  /** Follows the store's current version (a rotation raised it). */
  public void useVersion(int v) {
    requireVersion(v);
    version = v;
  }

  public boolean hasPrevious() {
    return previous != null;
  }

  /** Seals with the current version; null and "" stay as they are (nothing to hide). */
  public String seal(String redisKey, String field, String clear) {
    return seal(version, redisKey, field, clear);
  }

  public String seal(int v, String redisKey, String field, String clear) {
    if (clear == null || clear.isEmpty()) {
      return clear;
    }
    requireVersion(v);
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    try {
      Cipher c = CIPHER.get();
      c.init(Cipher.ENCRYPT_MODE, key(keys, secret, v), new GCMParameterSpec(TAG_BITS, iv));
      c.updateAAD(aad(redisKey, field));
      byte[] sealed = c.doFinal(clear.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
      return PREFIX + v + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("personal data could not be sealed", e);
    }
  }

  /**
   * The clear value of what is stored at {@code redisKey}/{@code field}: a value without the
   * {@code pd:} prefix (older data) as it is. Throws {@link Unreadable} (which never carries the
   * value) when the value was altered, moved, or sealed under a secret this server does not have.
   */
  public String open(String redisKey, String field, String stored) {
    if (!isSealed(stored)) {
      return stored;
    }
    int v = versionOf(stored);
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(stored.substring(stored.indexOf(':', PREFIX.length()) + 1));
    } catch (IllegalArgumentException bad) {
      throw new Unreadable("not base64url");
    }
    if (v < 1 || raw.length < IV_BYTES + TAG_BITS / 8) {
      throw new Unreadable("malformed");
    }
    try {
      return open(key(keys, secret, v), redisKey, field, raw);
    } catch (AEADBadTagException wrong) {
      if (previous == null) {
        throw new Unreadable("does not authenticate");
      }
      try {
        return open(key(previousKeys, previous, v), redisKey, field, raw);
      } catch (AEADBadTagException alsoWrong) {
        throw new Unreadable("does not authenticate with either secret");
      } catch (GeneralSecurityException e) {
        throw new Unreadable(e.getClass().getSimpleName());
      }
    } catch (GeneralSecurityException e) {
      throw new Unreadable(e.getClass().getSimpleName());
    }
  }

  /**
   * Whether {@code stored} needs re-encrypting to reach the current version under the current
   * secret: clear text, another version, or (with a previous secret) sealed under the previous one.
   */
  public boolean stale(String redisKey, String field, String stored) {
    if (stored == null || stored.isEmpty()) {
      return false;
    }
    if (!isSealed(stored) || versionOf(stored) != version) {
      return true;
    }
    if (previous == null) {
      return false;
    }
    try {
      byte[] raw = Base64.getUrlDecoder().decode(stored.substring(stored.indexOf(':', PREFIX.length()) + 1));
      open(key(keys, secret, version), redisKey, field, raw);
      return false;
    } catch (GeneralSecurityException | IllegalArgumentException notCurrent) {
      return true;
    }
  }

  private static String open(SecretKeySpec key, String redisKey, String field, byte[] raw)
      throws GeneralSecurityException {
    Cipher c = CIPHER.get();
    c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, IV_BYTES));
    c.updateAAD(aad(redisKey, field));
    return new String(c.doFinal(raw, IV_BYTES, raw.length - IV_BYTES), StandardCharsets.UTF_8);
  }

  public static boolean isSealed(String stored) {
    return stored != null && stored.startsWith(PREFIX);
  }

  /** The version of a sealed value; -1 for clear text or a malformed prefix. */
  public static int versionOf(String stored) {
    if (!isSealed(stored)) {
      return -1;
    }
    int colon = stored.indexOf(':', PREFIX.length());
    if (colon <= PREFIX.length() || colon - PREFIX.length() > 7) {
      return -1;
    }
    try {
      int v = Integer.parseInt(stored.substring(PREFIX.length(), colon));
      return v >= 1 && v <= MAX_VERSION ? v : -1;
    } catch (NumberFormatException bad) {
      return -1;
    }
  }

  private static SecretKeySpec key(Map<Integer, SecretKeySpec> cache, PersonalDataKey from, int v) {
    return cache.computeIfAbsent(v, x -> new SecretKeySpec(from.derive("layso personal data v" + x), "AES"));
  }

  private static byte[] aad(String redisKey, String field) {
    return (redisKey + '\0' + field).getBytes(StandardCharsets.UTF_8);
  }

  private static void requireVersion(int v) {
    if (v < 1 || v > MAX_VERSION) {
      throw new IllegalArgumentException("personal data version must be 1.." + MAX_VERSION);
    }
  }

  @Override
  public String toString() {
    return "PersonalData[v" + version + (previous == null ? "" : ", with previous secret") + "]";
  }

  /** A sealed value that does not open; the message says why, never what. */
  public static final class Unreadable extends IllegalStateException {
    public Unreadable(String why) {
      super("personal data does not open: " + why);
    }
  }
}
