-- Helpers of the booking scripts only, sent after lib.lua with every script that names this file
-- in a "-- lib: booking" line (see RedisStore): the other scripts do not pay for them per call.

-- Counts an appointment in its day's report counts (Keys.appointmentCounts: '<field>|booked',
-- '|checkedIn', '|noShow'), a hash of the appointment's own office (its key's {office} prefix, same
-- slot) that never expires: the reports' durable record of appointments, which themselves expire.
local function appt_count(appt_key, date, service, what, delta)
  local prefix = string.match(appt_key, '^(.-)appt:')
  local day = (string.gsub(date, '-', ''))
  redis.call('HINCRBY', prefix .. 'day:' .. day .. ':appointment-counts', service .. '|' .. what, delta)
end

-- Gives a hold's place back at once (a release, a replacement, a booking converting it): out of
-- its slot's live holds and its address's, its session's pointer cleared when it names it, the
-- record deleted. The keys come from the record's key as Keys.java builds them (slotHolds,
-- addressHolds, holdSession), all in the office's cluster slot. False: there was no such hold.
local function drop_hold(record_key, id)
  local office = string.match(record_key, '^(.-)hold:')
  local h = redis.call('HMGET', record_key, 'service', 'date', 'start', 'address', 'session')
  if not h[1] then return false end
  redis.call('ZREM', office .. 'holds:' .. h[2] .. ':' .. h[1] .. ':' .. (string.gsub(h[3], ':', '')), id)
  if h[4] then redis.call('ZREM', office .. 'hold-address:' .. h[4], id) end
  if h[5] then
    local session = office .. 'hold-session:' .. h[5]
    if redis.call('HGET', session, 'hold') == id then redis.call('HDEL', session, 'hold') end
  end
  redis.call('DEL', record_key)
  return true
end
