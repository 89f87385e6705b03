package vn.layso.live;

import io.vertx.core.Future;
import java.util.List;
import vn.layso.office.domain.Office;

/**
 * What makes a live socket a staff socket: a staff or manager token of the office, or an admin's,
 * sent as the socket's message {@code {"type":"auth","token":...}}. Such a socket also receives the
 * office's staff-only events (balance.advice), which never reach a public socket.
 */
public interface StaffAccess {

  /** No staff channel: every auth message is refused. */
  StaffAccess NONE = new StaffAccess() {
    @Override
    public Future<Boolean> mayServe(String token, String office) {
      return Future.succeededFuture(false);
    }

    @Override
    public Future<List<String>> state(Office office) {
      return Future.succeededFuture(List.of());
    }
  };

  /** Whether the token is a valid token of staff of the office (or an admin); fails for an unknown token. */
  Future<Boolean> mayServe(String token, String office);

  /** The office's staff-only state now, as event texts: sent after the auth and after every snapshot. */
  Future<List<String>> state(Office office);
}
