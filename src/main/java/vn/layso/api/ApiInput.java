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
    private final boolean[] flag;
    private final int[] list;
    private final Constructor<?> canonical;

    Reader(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      names = new String[components.length];
      limits = new int[components.length];
      required = new boolean[components.length];
      invalidAs = new String[components.length];
      whole = new boolean[components.length];
      flag = new boolean[components.length];
      list = new int[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        RecordComponent c = components[i];
        ApiShape.InvalidAs invalid = c.getAnnotation(ApiShape.InvalidAs.class);
        whole[i] = c.getType() == Integer.class;
        flag[i] = c.getType() == Boolean.class;
        ApiShape.MaxItems most = c.getAnnotation(ApiShape.MaxItems.class);
        boolean texts = c.getType() == java.util.List.class
            && c.getGenericType() instanceof java.lang.reflect.ParameterizedType generic
            && generic.getActualTypeArguments()[0] == String.class;
        list[i] = texts && most != null && invalid != null ? most.value() : -1;
        if (c.getType() != String.class && !flag[i] && !(whole[i] && invalid != null) && list[i] < 0) {
          throw new IllegalStateException(type.getSimpleName() + "." + c.getName()
              + ": only text, booleans, whole numbers and lists of text (with the code that refuses them,"
              + " InvalidAs, and a list's MaxItems) are read");
        }
        invalidAs[i] = invalid == null ? null : invalid.value();
        types[i] = c.getType();
        ApiShape.Name name = c.getAnnotation(ApiShape.Name.class);
        names[i] = name != null ? name.value() : c.getName();
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
        if (flag[i]) {
          Object raw = json.raw().getValue(names[i]);
          if (raw == null && required[i] || raw != null && !(raw instanceof Boolean) && invalidAs[i] != null) {
            throw ApiException.invalid(invalidAs[i] != null ? invalidAs[i] : "field_required", names[i]);
          }
          values[i] = raw instanceof Boolean b ? b : null;
        } else if (list[i] >= 0) {
          Object raw = json.raw().getValue(names[i]);
          if (raw == null && !required[i]) {
            continue;
          }
          if (!(raw instanceof io.vertx.core.json.JsonArray array) || array.size() > list[i]
              || !array.stream().allMatch(String.class::isInstance)) {
            throw ApiException.invalid(invalidAs[i], list[i]);
          }
          values[i] = array.stream().map(String.class::cast).toList();
        } else if (whole[i]) {
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
