package vn.layso.queue;

import vn.layso.api.ApiShape;
import vn.layso.queue.domain.TicketStatus;

/**
 * What the lobby may see of a ticket, in every live event and snapshot: what a screen shows. Never
 * the ticket id (the holder's secret) nor the priority group, only whether it is a priority ticket;
 * an appointment's ticket says so, with its slot's start. Written by the scripts (lib.lua's
 * {@code public_ticket}): this record is the shape they write and the document shows.
 */
@ApiShape.Name("LiveTicket")
@ApiShape.Closed
public record PublicTicket(@ApiShape.Required String number,
                           @ApiShape.Required String service,
                           @ApiShape.Required TicketStatus status,
                           String counter,
                           int recalls,
                           boolean priority,
                           Boolean appointment,
                           @ApiShape.Pattern("^[0-2][0-9]:[0-5][0-9]$") String slot) {
}
