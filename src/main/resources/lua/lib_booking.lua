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
