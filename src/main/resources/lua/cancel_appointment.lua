-- lib: booking
-- Cancels a booking with the phone as proof; its place goes back to the slot and the citizen's limits.
-- KEYS: 1 appointment, 2 slot ledger, 3 citizen day by phone, 4 citizen day by CCCD
-- ARGV: 1 phone hash, 2 now ms, 3 expected date, 4 expected start
local a = redis.call('HGETALL', KEYS[1])
if #a == 0 then return result({ error = 'appointment_not_found' }) end
local r = {}
for i = 1, #a, 2 do r[a[i]] = a[i + 1] end
if r.phoneHash ~= ARGV[1] then return result({ error = 'appointment_not_found' }) end
if r.date ~= ARGV[3] or r.start ~= ARGV[4] then return result({ error = 'appointment_changed' }) end
if r.status ~= 'BOOKED' then return result({ error = 'not_cancellable', status = r.status }) end
redis.call('HSET', KEYS[1], 'status', 'CANCELLED', 'updatedAt', ARGV[2])
appt_count(KEYS[1], r.date, r.service, 'booked', -1)
if tonumber(redis.call('HGET', KEYS[2], r.start) or '0') > 0 then redis.call('HINCRBY', KEYS[2], r.start, -1) end
redis.call('HDEL', KEYS[3], r.code)
redis.call('HDEL', KEYS[4], r.code)
return result({ ok = true })
