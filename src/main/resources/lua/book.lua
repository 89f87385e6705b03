-- lib: booking
-- Books one place in a slot, atomically: capacity (from Java) minus booked places minus live
-- holds (the caller's own hold, if given and alive, is converted), then the per-citizen limits by
-- keyed phone hash and keyed CCCD hash; then the ledger, the record and the citizen keys are written.
-- The booking's browser session (ARGV 12) is done with its hold: the converted one leaves its
-- session, and any other place the session still holds goes back (one live hold per session).
-- KEYS: 1 slot ledger, 2 slot holds, 3 appointment, 4 citizen day by phone, 5 citizen day by CCCD, 6 hold record,
--       [7 due index (check-in's no-show sweep), 8 the booking's session (Keys.holdSession)]
-- ARGV: 1 start HH:mm, 2 capacity, 3 now ms, 4 hold id ('' none), 5 max per day, 6 max per field,
--       7 service, 8 code, 9 appointment time to live ms, 10 day keys time to live ms,
--       11 the phone hash the hold must have verified ('' when the office does not verify phones),
--       12 the browser session of the hold ('' none), 13.. record field, value pairs
local now = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if redis.call('EXISTS', KEYS[3]) == 1 then return result({ error = 'code_taken' }) end

local held = 0
if ARGV[4] ~= '' and redis.call('ZSCORE', KEYS[2], ARGV[4]) then held = 1 end
-- phone verification: only a live hold of this slot verified (otp_confirm.lua) for this very phone books;
-- such a hold is in the slot's holds only once otp_confirm.lua counted it (hold.lua leaves it out)
if ARGV[11] ~= '' then
  if held == 0 then
    -- a live hold of this slot that takes no place yet: its phone is not verified, or it was when the
    -- slot had filled meanwhile (otp_confirm.lua answered slot_full)
    local h = ARGV[4] ~= '' and redis.call('HMGET', KEYS[6], 'expiresAt', 'service', 'date', 'start', 'verified') or {}
    local office = string.match(KEYS[6], '^(.-)hold:')
    if not h[1] or tonumber(h[1]) <= now or h[2] ~= ARGV[7] or h[4] ~= ARGV[1]
        or office .. 'holds:' .. h[3] .. ':' .. h[2] .. ':' .. (string.gsub(h[4], ':', '')) ~= KEYS[2] then
      return result({ error = 'hold_required' })
    end
    if h[5] ~= ARGV[11] then return result({ error = 'phone_not_verified' }) end
    return result({ error = 'slot_full' })
  end
  if redis.call('HGET', KEYS[6], 'verified') ~= ARGV[11] then return result({ error = 'phone_not_verified' }) end
end
local booked = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
local holds = redis.call('ZCARD', KEYS[2])
if booked + holds - held >= tonumber(ARGV[2]) then return result({ error = 'slot_full' }) end

local per_day, per_field = tonumber(ARGV[5]), tonumber(ARGV[6])
for i = 4, 5 do
  local fields = redis.call('HVALS', KEYS[i])
  if #fields >= per_day then return result({ error = 'limit_reached', limit = 'day' }) end
  local same = 0
  for _, f in ipairs(fields) do if f == ARGV[7] then same = same + 1 end end
  if same >= per_field then return result({ error = 'limit_reached', limit = 'field' }) end
end

local day_expiry = ARGV[10]
redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
redis.call('PEXPIRE', KEYS[1], day_expiry)
if held == 1 then
  redis.call('ZREM', KEYS[2], ARGV[4])
  drop_hold(KEYS[6], ARGV[4])
end
if ARGV[12] ~= '' and KEYS[8] then
  local other = redis.call('HGET', KEYS[8], 'hold')
  if other then
    drop_hold(string.match(KEYS[6], '^(.-)hold:') .. 'hold:' .. other, other)
    redis.call('HDEL', KEYS[8], 'hold')
  end
end
local record = {}
for i = 13, #ARGV do record[#record + 1] = ARGV[i] end
redis.call('HSET', KEYS[3], unpack(record))
redis.call('PEXPIRE', KEYS[3], ARGV[9])
for i = 4, 5 do
  redis.call('HSET', KEYS[i], ARGV[8], ARGV[7])
  redis.call('PEXPIRE', KEYS[i], day_expiry)
end
-- the no-show sweep finds it by its slot start (check-in removes it)
if KEYS[7] then
  local d = redis.call('HMGET', KEYS[3], 'date', 'start')
  redis.call('ZADD', KEYS[7], due_score(d[1], d[2]), ARGV[8])
end
do
  local d = redis.call('HMGET', KEYS[3], 'date')
  appt_count(KEYS[3], d[1], ARGV[7], 'booked', 1)
end
return result({ ok = true, converted = held == 1 })
