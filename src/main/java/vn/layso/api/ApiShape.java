package vn.layso.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a record component says about its JSON beyond its Java type, read both by the encoder
 * ({@link ApiJson}) and by the OpenAPI generator ({@link SchemaBuilder}), so that a shape is written
 * once. By default a reference component is left out of the JSON when null and is optional in the
 * schema; a primitive is always present and required.
 */
public final class ApiShape {

  private ApiShape() {
  }

  /** Never null: required in the schema. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
  public @interface Required {
  }

  /** Always present, null when unknown: written as {@code null}, required, typed {@code [T, "null"]}. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
  public @interface Nullable {
  }

  /** A map whose values may be null (a share of nothing): each written as {@code null}, typed {@code [T, "null"]}. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
  public @interface NullableValues {
  }

  /** A string's format: {@code date-time}, {@code date}, ... */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
  public @interface Format {
    String value();
  }

  /** A string's pattern (an ECMA regular expression). */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
  public @interface Pattern {
    String value();
  }

  /** A string's longest length in code points: the schema's maxLength and the request check's limit. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
  public @interface MaxLength {
    int value();
  }

  /**
   * A list's most items: the schema's maxItems, and for a request the argument of its
   * {@link InvalidAs} code when the value is not a list of at most so many texts.
   */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
  public @interface MaxItems {
    int value();
  }

  /** A number's smallest value. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
  public @interface Min {
    long value();
  }

  /** A number's largest value. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
  public @interface Max {
    long value();
  }

  /** The values a string takes when they are not a Java enum (codes shared with the Lua side). */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
  public @interface Values {
    String[] value();
  }

  /**
   * The values a string takes: the codes of an enum (its {@code code()} or {@code id()} where it has
   * one, else its constants' names), so a list kept in the domain is not written again.
   */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
  public @interface ValuesOf {
    Class<? extends Enum<?>> value();
  }

  /**
   * The error code a request component answers when it is missing (and required) or not of its type
   * (a whole number: no argument; a boolean: the field's name; a list: its {@link MaxItems}). A
   * boolean without one reads a value of another type as left out.
   */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
  public @interface InvalidAs {
    String value();
  }

  /** A component whose fields are written in place, in its record's (Jackson's JsonUnwrapped does the writing). */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
  public @interface Inline {
  }

  /** A record whose JSON never carries other fields: {@code additionalProperties: false}. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  public @interface Closed {
  }

  /**
   * A request body: its components are optional unless {@link Required} ({@link Nullable} only
   * admits null), and {@link ApiInput} reads it with the same limits the schema shows.
   */
  public interface Request {
  }

  /**
   * The schema's name in the document when it is not the record's simple name; on a component, its
   * JSON field's name when that cannot be a Java name (e.g. {@code new}).
   */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.TYPE, ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
  public @interface Name {
    String value();
  }

  /**
   * A component still shaped by a hand-written schema of the residue document (or a JSON value
   * built elsewhere): the schema it refers to, by name.
   */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
  public @interface Ref {
    String value();
  }
}
