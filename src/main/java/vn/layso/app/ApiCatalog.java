package vn.layso.app;

import java.util.ArrayList;
import java.util.List;
import vn.layso.account.AccountRoutes;
import vn.layso.account.AdminUserRoutes;
import vn.layso.api.ApiOperation;
import vn.layso.audit.AuditRoutes;
import vn.layso.auth.AuthRoutes;
import vn.layso.balance.BalanceRoutes;
import vn.layso.booking.BookingDaysRoutes;
import vn.layso.booking.BookingRoutes;
import vn.layso.booking.HoldRoutes;
import vn.layso.checkin.CheckInRoutes;
import vn.layso.device.DeviceRoutes;
import vn.layso.history.HistoryRoutes;
import vn.layso.notify.NotificationRoutes;
import vn.layso.office.OfficeRoutes;
import vn.layso.predict.PredictionRoutes;
import vn.layso.print.PrintRoutes;
import vn.layso.queue.BoardRoutes;
import vn.layso.queue.CounterRoutes;
import vn.layso.queue.PublicTicket;
import vn.layso.queue.TicketRoutes;
import vn.layso.queue.TicketView;
import vn.layso.rating.RatingRoutes;
import vn.layso.report.ReportRoutes;
import vn.layso.verify.PhoneVerificationRoutes;
import vn.layso.web.BookingLinkRoutes;
import vn.layso.web.TicketQrRoutes;

/**
 * The API's route table as the OpenAPI document is generated from it: each converted feature's
 * operations, and the shapes only events (or the residue's operations) use. What is not here yet is
 * in openapi/residue.json.
 */
public final class ApiCatalog {

  private ApiCatalog() {
  }

  public static List<ApiOperation> operations() {
    List<ApiOperation> all = new ArrayList<>(SystemApi.API);
    all.addAll(AuthRoutes.API);
    all.addAll(TicketRoutes.API);
    all.addAll(CounterRoutes.API);
    all.addAll(BoardRoutes.API);
    all.addAll(CheckInRoutes.API);
    all.addAll(PredictionRoutes.API);
    all.addAll(AuditRoutes.API);
    all.addAll(DeviceRoutes.API);
    all.addAll(RatingRoutes.API);
    all.addAll(BookingRoutes.API);
    all.addAll(HoldRoutes.API);
    all.addAll(PhoneVerificationRoutes.API);
    all.addAll(BookingDaysRoutes.API);
    all.addAll(BookingLinkRoutes.API);
    all.addAll(TicketQrRoutes.API);
    all.addAll(ReportRoutes.API);
    all.addAll(AccountRoutes.API);
    all.addAll(AdminUserRoutes.API);
    all.addAll(NotificationRoutes.API);
    all.addAll(PrintRoutes.API);
    all.addAll(HistoryRoutes.API);
    all.addAll(BalanceRoutes.API);
    all.addAll(OfficeRoutes.API);
    return all;
  }

  /** Shapes no converted operation answers but events and the residue refer to. */
  public static List<Class<?>> shapes() {
    return List.of(PublicTicket.class, TicketView.Full.class);
  }
}
