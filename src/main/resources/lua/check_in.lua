-- lib: booking
-- lib: issue
-- lib: ticket
-- Checks an appointment in and issues its ticket, in one step. Java read the appointment to find
-- its field, date and slot and computed the window; here the record decides: it must still be
-- BOOKED for that field, date and start. Checked in already: the same ticket again (any number of
-- presses, from any device, give one ticket). Before the window: check_in_too_early. In it: an
-- appointment ticket, whose queue place is its slot start (queue_score). After it: per the office,
-- a walk-in ticket (the appointment's place in the slot goes back, the record says late) or
-- check_in_closed. The record becomes CHECKED_IN with the ticket id and leaves the due index.
-- KEYS: 1 appointment, 2 sequence, 3 ticket, 4 queue, 5 version, 6 day index, 7 open days,
--       8 slot ledger, 9 due index
-- ARGV: 1 office, 2 new ticket id, 3 service, 4 date, 5 start HH:mm, 6 now ms, 7 slot start ms,
--       8 opens ms, 9 closes ms, 10 late arrivals ('walk-in' or 'refuse'), 11 prefix,
--       12 number start, 13 capacity, 14 digits, 15 source, 16 code, 17 service day key (yyyyMMdd),
--       -- fold: 18 first place foretold ('' none), 19.. one prediction record per place, as
--       issue_ticket.lua's (the wait prediction recorded in the ticket's hash; answer 'given')
-- The events channel and the history's lifetime are the server's constants (LuaSource.constants);
-- the office's ticket and queue key prefixes are KEYS 3's and 4's.
local r = redis.call('HMGET', KEYS[1], 'status', 'service', 'date', 'start', 'ticket', 'late')
local status, service, date, start, ticket_id, late_mark = r[1], r[2], r[3], r[4], r[5], r[6]
if not status then return result({ error = 'appointment_not_found' }) end
if status == 'CHECKED_IN' and ticket_id then
  local t = read_fields(string.sub(KEYS[3], 1, #KEYS[3] - #ARGV[2]) .. ticket_id, ANSWER_FIELDS)
  if t[T_STATUS] then
    local position = nil
    if t[T_STATUS] == 'WAITING' then
      local queue_prefix = string.sub(KEYS[4], 1, #KEYS[4] - #ARGV[17] - #ARGV[3] - 1)
      position = place_in(queue_of(queue_prefix, t[T_SERVICE_DATE], t[T_SERVICE]), ticket_id)
    end
    return result({ ticket = answer_ticket(ticket_id, t), position = position, replayed = true,
                    late = late_mark == '1' })
  end
  return result({ error = 'appointment_checked_in' })
end
if status == 'CANCELLED' then return result({ error = 'appointment_cancelled' }) end
if status == 'NO_SHOW' then return result({ error = 'check_in_closed' }) end
if status ~= 'BOOKED' then return result({ error = 'appointment_not_found' }) end
if service ~= ARGV[3] or date ~= ARGV[4] or start ~= ARGV[5] then return result({ error = 'appointment_changed' }) end

local now = tonumber(ARGV[6])
if now < tonumber(ARGV[8]) then return result({ error = 'check_in_too_early' }) end
local late = now > tonumber(ARGV[9])
if late and ARGV[10] ~= 'walk-in' then return result({ error = 'check_in_closed' }) end

local slot_start, slot = nil, nil
if not late then slot_start, slot = ARGV[7], start end
local t, place, given = issue_new(2, ARGV[1], ARGV[2], service, nil, ARGV[6], ARGV[17], ARGV[11], ARGV[12],
  ARGV[13], ARGV[14], ARGV[15], slot_start, slot, ARGV[16], nil, 18)
if not t then return result(place) end
redis.call('HSET', KEYS[1], 'status', 'CHECKED_IN', 'ticket', ARGV[2], 'checkedInAt', now, 'updatedAt', now)
appt_count(KEYS[1], date, service, 'checkedIn', 1)
if late then
  redis.call('HSET', KEYS[1], 'late', '1')
  -- a late arrival is a walk-in: its place in the slot is no longer held
  if tonumber(redis.call('HGET', KEYS[8], start) or '0') > 0 then redis.call('HINCRBY', KEYS[8], start, -1) end
end
redis.call('ZREM', KEYS[9], ARGV[16])
return '{"ticket":' .. t .. ',"position":' .. place .. ',"late":' .. tostring(late)
  .. (given and (',"given":"' .. given .. '"}') or '}')
