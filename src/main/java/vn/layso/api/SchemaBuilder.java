package vn.layso.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON Schemas (OpenAPI 3.1) of the API's records, derived from their components: types,
 * nullability and requiredness ({@link ApiShape}), enums, formats and limits. Descriptions and
 * examples come from the prose resource, keyed by schema name and component name.
 */
public final class SchemaBuilder {

  private static final String REF = "#/components/schemas/";

  private final JsonObject prose;
  private final Map<String, JsonObject> schemas = new LinkedHashMap<>();
  private final Map<String, Class<?>> owners = new LinkedHashMap<>();

  /** {@code prose}: {schemaName: {description, example, properties: {component: {description, ...}}}}. */
  public SchemaBuilder(JsonObject prose) {
    this.prose = prose;
  }

  /** The schemas built so far, by name, in the order they were first met. */
  public Map<String, JsonObject> schemas() {
    return schemas;
  }

  public static String name(Class<?> type) {
    ApiShape.Name name = type.getAnnotation(ApiShape.Name.class);
    return name != null ? name.value() : type.getSimpleName();
  }

  /** A reference to the record's or enum's schema, building it (and those it uses) on first use. */
  public JsonObject ref(Class<?> type) {
    String name = name(type);
    Class<?> owner = owners.putIfAbsent(name, type);
    if (owner != null && owner != type) {
      throw new IllegalStateException("two shapes named " + name + ": " + owner.getName() + ", " + type.getName());
    }
    if (owner == null) {
      schemas.put(name, new JsonObject()); // placed first: a record may refer to itself
      schemas.put(name, type.isEnum() ? enumSchema(type) : type.isSealed() ? oneOfSchema(type) : recordSchema(type));
    }
    return new JsonObject().put("$ref", REF + name);
  }

  /**
   * A record's components as OpenAPI parameters ({@code in}: path or query): each with its schema,
   * required when in the path or {@link ApiShape.Required}, and its words from {@code words} by name.
   */
  public JsonArray parameters(Class<?> type, String in, JsonObject words) {
    JsonArray out = new JsonArray();
    for (RecordComponent component : type.getRecordComponents()) {
      JsonObject w = words.getJsonObject(component.getName(), new JsonObject());
      JsonObject parameter = new JsonObject().put("name", component.getName()).put("in", in)
          .put("required", in.equals("path") || component.isAnnotationPresent(ApiShape.Required.class));
      if (w.containsKey("description")) {
        parameter.put("description", w.getString("description"));
      }
      if (w.getBoolean("deprecated", false)) {
        parameter.put("deprecated", true);
      }
      parameter.put("schema", type(component.getGenericType(), component));
      if (w.containsKey("example")) {
        parameter.put("example", w.getValue("example"));
      }
      out.add(parameter);
    }
    return out;
  }

  private JsonObject enumSchema(Class<?> type) {
    JsonObject schema = new JsonObject().put("type", "string").put("enum", constants(type));
    return withProse(schema, prose.getJsonObject(name(type), new JsonObject()));
  }

  /** A sealed interface of records: one of them (each must tell itself apart, e.g. by a status value). */
  private JsonObject oneOfSchema(Class<?> type) {
    JsonArray choices = new JsonArray();
    for (Class<?> permitted : type.getPermittedSubclasses()) {
      choices.add(ref(permitted));
    }
    return withProse(new JsonObject().put("oneOf", choices), prose.getJsonObject(name(type), new JsonObject()));
  }

  private JsonObject recordSchema(Class<?> type) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type.getName() + " is not a record: an API shape is a record");
    }
    JsonObject own = prose.getJsonObject(name(type), new JsonObject());
    JsonObject schema = new JsonObject().put("type", "object");
    withProse(schema, own);
    JsonArray required = new JsonArray();
    JsonObject properties = new JsonObject();
    addComponents(type, own, required, properties);
    if (!required.isEmpty()) {
      schema.put("required", required);
    }
    schema.put("properties", properties);
    if (type.isAnnotationPresent(ApiShape.Closed.class)) {
      schema.put("additionalProperties", false);
    }
    if (own.containsKey("example")) {
      schema.put("example", own.getValue("example"));
    }
    return schema;
  }

  private void addComponents(Class<?> type, JsonObject own, JsonArray required, JsonObject properties) {
    boolean request = ApiShape.Request.class.isAssignableFrom(type);
    JsonObject texts = own.getJsonObject("properties", new JsonObject());
    for (RecordComponent component : type.getRecordComponents()) {
      if (component.isAnnotationPresent(ApiShape.Inline.class)) {
        Class<?> inner = component.getType();
        JsonObject innerProse = prose.getJsonObject(name(inner), new JsonObject());
        addComponents(inner, innerProse, required, properties);
        continue;
      }
      String field = fieldName(component);
      boolean nullable = component.isAnnotationPresent(ApiShape.Nullable.class);
      JsonObject property = type(component.getGenericType(), component);
      if (nullable) {
        property = nullable(property);
      }
      withProse(property, texts.getJsonObject(field, new JsonObject()));
      properties.put(field, property);
      boolean isRequired = component.isAnnotationPresent(ApiShape.Required.class)
          || (!request && (nullable || component.getType().isPrimitive()));
      if (isRequired) {
        required.add(field);
      }
    }
  }

  /** A component's JSON name: its {@link ApiShape.Name}, else its own. */
  static String fieldName(RecordComponent component) {
    ApiShape.Name name = component.getAnnotation(ApiShape.Name.class);
    return name != null ? name.value() : component.getName();
  }

  private JsonObject type(Type type, AnnotatedElement at) {
    ApiShape.Ref named = at == null ? null : at.getAnnotation(ApiShape.Ref.class);
    if (named != null) {
      JsonObject ref = new JsonObject().put("$ref", REF + named.value());
      boolean many = type instanceof ParameterizedType generic && Collection.class.isAssignableFrom((Class<?>) generic.getRawType());
      return many ? new JsonObject().put("type", "array").put("items", ref) : ref;
    }
    if (type instanceof ParameterizedType generic) {
      Class<?> raw = (Class<?>) generic.getRawType();
      Type[] args = generic.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw)) {
        JsonObject array = new JsonObject().put("type", "array").put("items", type(args[0], null));
        ApiShape.MaxItems most = at == null ? null : at.getAnnotation(ApiShape.MaxItems.class);
        return most == null ? array : array.put("maxItems", most.value());
      }
      if (Map.class.isAssignableFrom(raw)) {
        JsonObject values = type(args[1], null);
        if (at != null && at.isAnnotationPresent(ApiShape.NullableValues.class)) {
          values = nullable(values);
        }
        return new JsonObject().put("type", "object").put("additionalProperties", values);
      }
      throw new IllegalArgumentException("no schema for " + type);
    }
    Class<?> c = (Class<?>) type;
    JsonObject schema;
    if (c == String.class) {
      schema = new JsonObject().put("type", "string");
    } else if (c == int.class || c == Integer.class || c == long.class || c == Long.class || c == short.class) {
      schema = new JsonObject().put("type", "integer");
    } else if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
      schema = new JsonObject().put("type", "number");
    } else if (c == boolean.class || c == Boolean.class) {
      schema = new JsonObject().put("type", "boolean");
    } else if (c == LocalDate.class) {
      schema = new JsonObject().put("type", "string").put("format", "date");
    } else if (c == Instant.class || c == OffsetDateTime.class) {
      schema = new JsonObject().put("type", "string").put("format", "date-time");
    } else if (c == Object.class) {
      schema = new JsonObject();
    } else if (c == JsonObject.class) {
      schema = new JsonObject().put("type", "object");
    } else if (c == JsonArray.class) {
      schema = new JsonObject().put("type", "array");
    } else if (c.isEnum() && c.getEnclosingClass() != null) {
      schema = new JsonObject().put("type", "string").put("enum", constants(c));
    } else if (c.isEnum() || c.isRecord() || c.isSealed()) {
      return ref(c);
    } else {
      throw new IllegalArgumentException("no schema for " + c.getName() + ": use a record, an enum or a JSON type");
    }
    return at == null ? schema : constraints(schema, at);
  }

  private static JsonObject constraints(JsonObject schema, AnnotatedElement at) {
    ApiShape.Format format = at.getAnnotation(ApiShape.Format.class);
    if (format != null) {
      schema.put("format", format.value());
    }
    ApiShape.Pattern pattern = at.getAnnotation(ApiShape.Pattern.class);
    if (pattern != null) {
      schema.put("pattern", pattern.value());
    }
    ApiShape.MaxLength max = at.getAnnotation(ApiShape.MaxLength.class);
    if (max != null) {
      schema.put("maxLength", max.value());
    }
    ApiShape.Min min = at.getAnnotation(ApiShape.Min.class);
    if (min != null) {
      schema.put("minimum", min.value());
    }
    ApiShape.Max most = at.getAnnotation(ApiShape.Max.class);
    if (most != null) {
      schema.put("maximum", most.value());
    }
    ApiShape.Values values = at.getAnnotation(ApiShape.Values.class);
    if (values != null) {
      schema.put("enum", new JsonArray(java.util.List.of((Object[]) values.value())));
    }
    ApiShape.ValuesOf codes = at.getAnnotation(ApiShape.ValuesOf.class);
    if (codes != null) {
      schema.put("enum", codes(codes.value()));
    }
    return schema;
  }

  /** The schema admitting null as well: a type list, or oneOf around a reference. */
  private static JsonObject nullable(JsonObject schema) {
    Object type = schema.getValue("type");
    if (type instanceof String single) {
      if (schema.containsKey("enum")) {
        schema.getJsonArray("enum").addNull();
      }
      return schema.put("type", new JsonArray().add(single).add("null"));
    }
    return new JsonObject().put("oneOf", new JsonArray().add(schema).add(new JsonObject().put("type", "null")));
  }

  private static JsonArray codes(Class<?> type) {
    JsonArray out = new JsonArray();
    try {
      java.lang.reflect.Method code = java.util.Arrays.stream(type.getMethods())
          .filter(m -> (m.getName().equals("code") || m.getName().equals("id")) && m.getParameterCount() == 0
              && m.getReturnType() == String.class)
          .findFirst().orElseThrow(NoSuchMethodException::new);
      for (Object constant : type.getEnumConstants()) {
        out.add(code.invoke(constant));
      }
      return out;
    } catch (NoSuchMethodException none) {
      return constants(type);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonArray constants(Class<?> type) {
    JsonArray names = new JsonArray();
    for (Object constant : type.getEnumConstants()) {
      names.add(((Enum<?>) constant).name());
    }
    return names;
  }

  /** Copies the prose's words (never its shape) onto a schema. */
  private static JsonObject withProse(JsonObject schema, JsonObject words) {
    for (String key : new String[] {"title", "description", "examples", "deprecated"}) {
      if (words.containsKey(key)) {
        schema.put(key, words.getValue(key));
      }
    }
    if (words.containsKey("example") && !schema.containsKey("properties") && !"object".equals(schema.getValue("type"))) {
      schema.put("example", words.getValue("example"));
    }
    return schema;
  }
}
