package vn.layso.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;

/** The one error shape of the contract: JSON {"status","code","message"}, nothing more, no stack trace. */
public final class ApiErrors {

  private ApiErrors() {
  }

  /** Asserts the answer is exactly this error and returns its message. */
  public static String assertError(Api.Response r, int status, String code) {
    assertThat(r.status()).as("status of %s", r.body()).isEqualTo(status);
    assertShape(r.status(), r.headers().firstValue("Content-Type").orElse(null), r.body());
    assertThat(r.code()).as(r.body()).isEqualTo(code);
    return r.json().getString("message");
  }

  public static void assertShape(int httpStatus, String contentType, String body) {
    assertThat(httpStatus).as("never 5xx: %s", body).isLessThan(500);
    assertThat(contentType).as("content type of %s", body).startsWith("application/json");
    JsonObject json = new JsonObject(body);
    assertThat(json.fieldNames()).as(body).containsExactlyInAnyOrder("status", "code", "message");
    assertThat(json.getInteger("status")).as(body).isEqualTo(httpStatus);
    assertThat(json.getString("code")).as(body).matches("[a-z][a-z_]*");
    assertThat(json.getString("message")).as(body).isNotBlank();
    assertNoStackTrace(body);
  }

  public static void assertNoStackTrace(String body) {
    assertThat(body).doesNotContain("Exception", "\tat ", "at io.vertx", "at vn.layso", "at java.", ".java:");
  }
}
