package vn.layso.api;

import io.vertx.core.buffer.Buffer;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import vn.layso.common.ApiException;
import vn.layso.common.JsonInput;

/**
 * Reads a request body into its record, with the checks its schema shows: each text component
 * through {@link JsonInput} (valid UTF-8, a JSON object, text, no control characters, NFC, at most
 * {@link ApiShape.MaxLength}), required when {@link ApiShape.Required}.
 */
public final class ApiInput {

  private static final int DEFAULT_MAX = 200;

  /** Each request record's fields and constructor, looked up once. */
  private static final ClassValue<Reader> READERS = new ClassValue<>() {
    @Override
    protected Reader computeValue(Class<?> type) {
      return new Reader(type);
    }
  };

  private ApiInput() {
  }

  public static <R extends Record & ApiShape.Request> R read(Buffer body, Class<R> type) {
    return type.cast(READERS.get(type).read(JsonInput.parse(body)));
  }

  private static final class Reader {
    private final String[] names;
    private final int[] limits;
    private final boolean[] required;
    private final String[] invalidAs;
    private final boolean[] whole;
    private final Constructor<?> canonical;

    Reader(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      names = new String[components.length];
      limits = new int[components.length];
      required = new boolean[components.length];
      invalidAs = new String[components.length];
      whole = new boolean[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        RecordComponent c = components[i];
        ApiShape.InvalidAs invalid = c.getAnnotation(ApiShape.InvalidAs.class);
        whole[i] = c.getType() == Integer.class;
        if (c.getType() != String.class && !(whole[i] && invalid != null)) {
          throw new IllegalStateException(type.getSimpleName() + "." + c.getName()
              + ": only text, and whole numbers with the code that refuses them (InvalidAs), are read");
        }
        invalidAs[i] = invalid == null ? null : invalid.value();
        types[i] = c.getType();
        names[i] = c.getName();
        ApiShape.MaxLength max = c.getAnnotation(ApiShape.MaxLength.class);
        limits[i] = max == null ? DEFAULT_MAX : max.value();
        required[i] = c.isAnnotationPresent(ApiShape.Required.class);
      }
      try {
        canonical = type.getDeclaredConstructor(types);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(type.getSimpleName() + " has no canonical constructor", e);
      }
    }

    Object read(JsonInput json) {
      Object[] values = new Object[names.length];
      for (int i = 0; i < names.length; i++) {
        if (whole[i]) {
          Object raw = json.raw().getValue(names[i]);
          if (raw == null && !required[i]) {
            continue;
          }
          if (!(raw instanceof Integer n)) {
            throw ApiException.invalid(invalidAs[i]);
          }
          values[i] = n;
        } else {
          values[i] = required[i] ? json.requiredString(names[i], limits[i]) : json.optionalString(names[i], limits[i]);
        }
      }
      try {
        return canonical.newInstance(values);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException refused) {
          throw refused;
        }
        throw new IllegalStateException(e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
