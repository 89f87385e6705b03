package vn.layso.app;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import vn.layso.booking.PersonalData;
import vn.layso.booking.PersonalDataKey;
import vn.layso.store.redis.PersonalDataRotation;

/**
 * {@code admin rotate-personal-data-key}: raises the key version of the names and phones at rest
 * and re-encrypts every stored one to it (see {@link PersonalDataRotation}); with
 * {@code --keep-version}, re-encrypts to the current version only (after PERSONAL_DATA_KEY was
 * replaced: the old key in PERSONAL_DATA_KEY_PREVIOUS). Works on the store the server uses, like
 * {@code admin reset-password}, while servers serve. Prints counts, never values.
 */
final class PersonalDataCommand {

  private PersonalDataCommand() {
  }

  /** Runs the command; returns the process exit code (0 done, 2 configuration, 1 failed). */
  static int rotate(Map<String, String> env, boolean keepVersion) {
    Config config;
    try {
      Logging.configure(env, "WARN");
      config = Config.fromEnvironment(env);
    } catch (IllegalArgumentException bad) {
      return report(StartFailure.of(bad, null));
    }
    try (AdminCommand.Store store = AdminCommand.Store.open(config)) {
      PersonalDataKey key = LaysoServer.personalDataKey(config);
      if (key == null) {
        return report(new StartFailure(StartFailure.CONFIGURATION, "with REDIS_URI set, give the command the"
            + " servers' PERSONAL_DATA_KEY (or their shared DATA_DIR holding " + PersonalDataKey.FILE + ")"));
      }
      PersonalData data = new PersonalData(key, config.personalDataKeyPrevious() == null ? null
          : PersonalDataKey.previous(config.personalDataKeyPrevious()));
      System.out.println("layso: " + store.description());
      PersonalDataRotation.Result result = new PersonalDataRotation(store.vertx(), store.redis(), data,
          PersonalDataRotation.GRACE, data.hasPrevious() ? key : null).run(!keepVersion, line -> System.out.println("  " + line))
          .toCompletionStage().toCompletableFuture().get(6, TimeUnit.HOURS);
      System.out.println("layso: xong / done: " + PersonalDataRotation.summary(result));
      return result.unreadable() == 0 ? 0 : StartFailure.FAILED;
    } catch (Exception failure) {
      return report(StartFailure.of(failure, config,
          "không xoay được khoá dữ liệu cá nhân / cannot rotate the personal-data key"));
    }
  }

  private static int report(StartFailure failure) {
    System.err.println("layso: " + failure.line());
    return failure.exitCode();
  }
}
