package vn.layso.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.util.NameTransformer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.EncodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.VertxModule;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * Encodes the API's answer records: a null component is left out unless it is
 * {@link ApiShape.Nullable} (then written as null), an {@link ApiShape.Inline} one is written in
 * place. Its own mapper, so that Vert.x's shared one (which encodes every JsonObject) keeps its rules.
 */
public final class ApiJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .annotationIntrospector(new ShapeIntrospector())
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .addModule(new VertxModule())
      .build();

  private ApiJson() {
  }

  /** The record as JSON bytes. */
  public static Buffer buffer(Object view) {
    try {
      return Buffer.buffer(MAPPER.writeValueAsBytes(view));
    } catch (JsonProcessingException e) {
      throw new EncodeException("cannot encode " + view.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** The record as JSON text (an archive line). */
  public static String encode(Object view) {
    try {
      return MAPPER.writeValueAsString(view);
    } catch (JsonProcessingException e) {
      throw new EncodeException("cannot encode " + view.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** The record as a JsonObject, for answers still built by hand around it. */
  @SuppressWarnings("unchecked")
  public static JsonObject json(Object view) {
    return new JsonObject(MAPPER.convertValue(view, Map.class));
  }

  /** The answer's body for {@code Route.respond}: the record's JSON, typed application/json. */
  public static Buffer answer(RoutingContext ctx, Object view) {
    ctx.response().putHeader("Content-Type", "application/json");
    return buffer(view);
  }

  private static final class ShapeIntrospector extends JacksonAnnotationIntrospector {

    @Override
    public JsonInclude.Value findPropertyInclusion(Annotated a) {
      if (a.hasAnnotation(ApiShape.Nullable.class)) {
        return JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS);
      }
      if (a.hasAnnotation(ApiShape.NullableValues.class)) {
        return JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS);
      }
      return super.findPropertyInclusion(a);
    }

    @Override
    public com.fasterxml.jackson.databind.PropertyName findNameForSerialization(Annotated a) {
      ApiShape.Name name = a.getAnnotation(ApiShape.Name.class);
      return name != null ? com.fasterxml.jackson.databind.PropertyName.construct(name.value())
          : super.findNameForSerialization(a);
    }

    @Override
    public NameTransformer findUnwrappingNameTransformer(AnnotatedMember member) {
      if (member.hasAnnotation(ApiShape.Inline.class)) {
        return NameTransformer.NOP;
      }
      return super.findUnwrappingNameTransformer(member);
    }
  }
}
