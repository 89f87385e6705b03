package vn.layso.api;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of the API's route table as the OpenAPI document shows it: method, path, the roles that
 * may call it, its parameters (shared ones by the names of {@link ApiParameters}, its own as the
 * components of a path or query record), its request record and, per status, the record answered
 * or the error codes. Prose (summary, description) is kept apart,
 * keyed by the operation id.
 */
public record ApiOperation(String method, String path, String id, String tag, List<String> roles,
                           List<String> parameters, Class<? extends Record> pathParams,
                           Class<? extends Record> query, Class<? extends Record> request, boolean requestRequired,
                           List<Answer> answers, boolean usesStore) {

  /** The roles of counter work: staff of the office, or an admin. */
  public static final List<String> STAFF = List.of("ADMIN", "STAFF");

  /** Anyone logged in: accounts and devices. */
  public static final List<String> ANY_LOGIN = List.of("ADMIN", "MANAGER", "STAFF", "DEVICE");

  /**
   * What one status answers: a record (or a list of them), headers by name, or (for errors) the
   * codes it may carry. A status without a body has neither body nor codes. {@code media}: the
   * type of an answer that is not JSON (text or an image, its schema a string), else null.
   */
  public record Answer(int status, Class<?> body, boolean list, List<String> headers, List<String> errors,
                       String media) {

    public Answer(int status, Class<?> body, boolean list, List<String> headers, List<String> errors) {
      this(status, body, list, headers, errors, null);
    }
  }

  public ApiOperation {
    roles = List.copyOf(roles);
    parameters = List.copyOf(parameters);
    answers = List.copyOf(answers);
  }

  public static Builder get(String path, String id, String tag) {
    return new Builder("get", path, id, tag);
  }

  public static Builder post(String path, String id, String tag) {
    return new Builder("post", path, id, tag);
  }

  public static Builder put(String path, String id, String tag) {
    return new Builder("put", path, id, tag);
  }

  public static Builder patch(String path, String id, String tag) {
    return new Builder("patch", path, id, tag);
  }

  public static Builder delete(String path, String id, String tag) {
    return new Builder("delete", path, id, tag);
  }

  /** Builds a route table row; {@link #build()} checks that each path parameter is declared. */
  public static final class Builder {
    private final String method;
    private final String path;
    private final String id;
    private final String tag;
    private List<String> roles = List.of();
    private final List<String> parameters = new ArrayList<>();
    private Class<? extends Record> pathParams;
    private Class<? extends Record> query;
    private Class<? extends Record> request;
    private boolean requestRequired;
    private final List<Answer> answers = new ArrayList<>();
    private boolean usesStore = true;

    private Builder(String method, String path, String id, String tag) {
      this.method = method;
      this.path = path;
      this.id = id;
      this.tag = tag;
    }

    public Builder roles(List<String> roles) {
      this.roles = roles;
      return this;
    }

    public Builder params(String... names) {
      parameters.addAll(List.of(names));
      return this;
    }

    /** The operation's own path parameters, as a record's components. */
    public Builder path(Class<? extends Record> params) {
      this.pathParams = params;
      return this;
    }

    /** Its query parameters, as a record's components (required when {@link ApiShape.Required}). */
    public Builder query(Class<? extends Record> params) {
      this.query = params;
      return this;
    }

    public Builder body(Class<? extends Record> request) {
      this.request = request;
      this.requestRequired = true;
      return this;
    }

    /** A body the request may leave out. */
    public Builder optionalBody(Class<? extends Record> request) {
      this.request = request;
      this.requestRequired = false;
      return this;
    }

    public Builder answer(int status, Class<?> body, String... headers) {
      answers.add(new Answer(status, body, false, List.of(headers), List.of()));
      return this;
    }

    public Builder answerList(int status, Class<?> item, String... headers) {
      answers.add(new Answer(status, item, true, List.of(headers), List.of()));
      return this;
    }

    /**
     * An answer that is not JSON: a calendar file, an SVG image, a CSV or Excel export (its schema a
     * string). Beside a record answer of the same status, it adds its media type to that answer.
     */
    public Builder answerMedia(int status, String media, String... headers) {
      answers.add(new Answer(status, null, false, List.of(headers), List.of(), media));
      return this;
    }

    public Builder errors(int status, String... codes) {
      answers.add(new Answer(status, null, false, List.of(), List.of(codes)));
      return this;
    }

    /** 429 with the codes given, and the {@code Retry-After} header. */
    public Builder limited(String... codes) {
      answers.add(new Answer(429, null, false, List.of("Retry-After"), List.of(codes)));
      return this;
    }

    /** An operation that never reaches the store: no 503 store_unavailable. */
    public Builder withoutStore() {
      this.usesStore = false;
      return this;
    }

    public ApiOperation build() {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
      while (m.find()) {
        boolean own = pathParams != null && java.util.Arrays.stream(pathParams.getRecordComponents())
            .anyMatch(c -> c.getName().equals(m.group(1)));
        if (!parameters.contains(m.group(1)) && !own) {
          throw new IllegalStateException(id + ": path parameter " + m.group(1) + " not declared");
        }
      }
      return new ApiOperation(method, path, id, tag, roles, parameters, pathParams, query, request, requestRequired,
          answers, usesStore);
    }
  }
}
