-- lib: booking
-- Moves a booking to another slot of the same field, with the phone as proof, in one step: the new
-- place is taken (capacity, live holds, the citizen's limits without this booking) before the old
-- one is given back, so the citizen never loses the old place without getting the new one.
-- KEYS: 1 appointment, 2 old slot ledger, 3 new slot ledger, 4 new slot holds,
--       5 old citizen day by phone, 6 old by CCCD, 7 new by phone, 8 new by CCCD, [9 due index]
-- ARGV: 1 phone hash, 2 now ms, 3 expected date, 4 expected start, 5 new date, 6 new start, 7 new end,
--       8 capacity, 9 max per day, 10 max per field, 11 appointment time to live ms, 12 new day keys time to live ms
local a = redis.call('HGETALL', KEYS[1])
if #a == 0 then return result({ error = 'appointment_not_found' }) end
local r = {}
for i = 1, #a, 2 do r[a[i]] = a[i + 1] end
if r.phoneHash ~= ARGV[1] then return result({ error = 'appointment_not_found' }) end
if r.date ~= ARGV[3] or r.start ~= ARGV[4] then return result({ error = 'appointment_changed' }) end
if r.status ~= 'BOOKED' then return result({ error = 'not_cancellable', status = r.status }) end
if r.date == ARGV[5] and r.start == ARGV[6] then return result({ ok = true, unchanged = true }) end

local now = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now)
local booked = tonumber(redis.call('HGET', KEYS[3], ARGV[6]) or '0')
if booked + redis.call('ZCARD', KEYS[4]) >= tonumber(ARGV[8]) then return result({ error = 'slot_full' }) end

local per_day, per_field = tonumber(ARGV[9]), tonumber(ARGV[10])
for i = 7, 8 do
  local all = redis.call('HGETALL', KEYS[i])
  local count, same = 0, 0
  for j = 1, #all, 2 do
    if all[j] ~= r.code then
      count = count + 1
      if all[j + 1] == r.service then same = same + 1 end
    end
  end
  if count >= per_day then return result({ error = 'limit_reached', limit = 'day' }) end
  if same >= per_field then return result({ error = 'limit_reached', limit = 'field' }) end
end

if tonumber(redis.call('HGET', KEYS[2], r.start) or '0') > 0 then redis.call('HINCRBY', KEYS[2], r.start, -1) end
redis.call('HDEL', KEYS[5], r.code)
redis.call('HDEL', KEYS[6], r.code)
redis.call('HINCRBY', KEYS[3], ARGV[6], 1)
redis.call('PEXPIRE', KEYS[3], ARGV[12])
for i = 7, 8 do
  redis.call('HSET', KEYS[i], r.code, r.service)
  redis.call('PEXPIRE', KEYS[i], ARGV[12])
end
appt_count(KEYS[1], r.date, r.service, 'booked', -1)
appt_count(KEYS[1], ARGV[5], r.service, 'booked', 1)
redis.call('HSET', KEYS[1], 'date', ARGV[5], 'start', ARGV[6], 'end', ARGV[7], 'updatedAt', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[11])
if KEYS[9] then redis.call('ZADD', KEYS[9], due_score(ARGV[5], ARGV[6]), r.code) end
return result({ ok = true })
