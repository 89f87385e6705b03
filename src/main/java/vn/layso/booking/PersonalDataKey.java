package vn.layso.booking;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server secret behind the keyed hashes (HMAC-SHA256) of phones and CCCDs: the store keeps
 * only these hashes for the per-citizen limits and the cancel proof, which cannot be read back
 * without the key. From {@code PERSONAL_DATA_KEY} (at least 32 characters), else from
 * {@code DATA_DIR/personal-data.key}, created once (32 random bytes, base64, mode 0600).
 * Every server sharing a Redis must use the same key, or the limits stop counting across them.
 */
public final class PersonalDataKey {

  public static final String FILE = "personal-data.key";
  private static final int MIN_ENV_LENGTH = 32;

  private final byte[] key;

  private PersonalDataKey(byte[] key) {
    this.key = key.clone();
  }

  public static PersonalDataKey of(String secret) {
    if (secret.length() < MIN_ENV_LENGTH) {
      throw new IllegalArgumentException("PERSONAL_DATA_KEY must have at least " + MIN_ENV_LENGTH + " characters");
    }
    return new PersonalDataKey(secret.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The key being replaced ({@code PERSONAL_DATA_KEY_PREVIOUS}): the old {@code PERSONAL_DATA_KEY}
   * value, or {@code file:<path>} naming the old key file (never created).
   */
  public static PersonalDataKey previous(String value) throws IOException {
    if (value.startsWith("file:")) {
      Path file = Path.of(value.substring("file:".length()));
      if (!Files.isRegularFile(file)) {
        throw new IOException("PERSONAL_DATA_KEY_PREVIOUS names no key file: " + file);
      }
      return read(file);
    }
    return of(value);
  }

  /** Reads the key file in {@code dir}, creating it (0600) on first use. */
  public static PersonalDataKey fromFile(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) {
      Files.createDirectories(dir);
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
      } catch (UnsupportedOperationException notPosix) {
        Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
      } catch (FileAlreadyExistsException raced) {
        // another server created it first: read theirs
      }
    }
    return read(file);
  }

  private static PersonalDataKey read(Path file) throws IOException {
    String text = Files.readString(file).strip();
    byte[] key;
    try {
      key = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException bad) {
      throw new IOException(file + " is not a base64 key");
    }
    if (key.length < 16) {
      throw new IOException(file + " holds a key shorter than 16 bytes");
    }
    return new PersonalDataKey(key);
  }

  /** HMAC-SHA256 of {@code kind:value}, hex. */
  public String hash(String kind, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal((kind + ":" + value).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * HKDF-SHA256 (RFC 5869, no salt) of the secret with {@code info}: the AES keys of {@link PersonalData}.
   * Package-private: the secret never leaves this package.
   */
  byte[] derive(String info) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
      byte[] prk = mac.doFinal(key);
      mac.init(new SecretKeySpec(prk, "HmacSHA256"));
      mac.update(info.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 1);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public String phone(String normalized) {
    return hash("phone", normalized);
  }

  public String citizenId(String digits) {
    return hash("cccd", digits);
  }

  @Override
  public String toString() {
    return "PersonalDataKey[hidden]";
  }
}
