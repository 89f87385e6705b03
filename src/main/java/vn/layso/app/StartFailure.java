package vn.layso.app;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.Locale;

/**
 * Why a start (or an admin command) failed, as one line for the console that names the variable
 * or file to look at, and the exit code: 2 for configuration, 1 for everything else.
 */
record StartFailure(int exitCode, String line) {

  static final int CONFIGURATION = 2;
  static final int FAILED = 1;

  static StartFailure of(Throwable failure, Config config) {
    return of(failure, config, "không khởi động được / cannot start");
  }

  /** {@code failed} says what could not be done, in Vietnamese and English. */
  static StartFailure of(Throwable failure, Config config, String failed) {
    Throwable cause = rootCause(failure);
    if (cause instanceof IllegalArgumentException bad) {
      return new StartFailure(CONFIGURATION, "lỗi cấu hình / configuration error: " + oneLine(bad.getMessage()));
    }
    return new StartFailure(FAILED, failed + ": " + reason(cause, config));
  }

  private static String reason(Throwable cause, Config config) {
    String message = oneLine(cause.getMessage());
    if (cause instanceof BindException) {
      String lower = message.toLowerCase(Locale.ROOT);
      if (lower.contains("in use")) {
        return "PORT " + config.port() + " is already in use on HOST " + config.host()
            + " (another program, or another layso, listens there)";
      }
      if (lower.contains("assign")) {
        return "HOST " + config.host() + " is not an address of this machine";
      }
      if (lower.contains("permission")) {
        return "PORT " + config.port() + " needs privileges: use a port above 1024 behind a reverse proxy";
      }
      return "cannot listen on HOST " + config.host() + " PORT " + config.port() + " (" + message + ")";
    }
    if (cause instanceof AccessDeniedException denied) {
      return "DATA_DIR " + config.dataDir() + ": permission denied on " + denied.getFile();
    }
    if (cause instanceof FileSystemException fs) {
      return "DATA_DIR " + config.dataDir() + ": " + fs.getFile() + " " + oneLine(fs.getReason());
    }
    if (cause instanceof IllegalStateException && config.redisUri() != null && message.startsWith("Redis ")) {
      return "REDIS_URI: " + message;
    }
    if (cause instanceof IllegalStateException || cause instanceof IOException) {
      return message;
    }
    return message + " (LOG_LEVEL=DEBUG shows the details)";
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static String oneLine(String message) {
    if (message == null || message.isBlank()) {
      return "no details";
    }
    return message.lines().findFirst().orElse("").strip();
  }
}
