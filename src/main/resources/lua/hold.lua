-- Holds one place of a slot for a few minutes while the citizen fills the form: it counts against
-- the capacity exactly as a booking does, until it expires or a booking converts it.
-- KEYS: 1 slot ledger, 2 slot holds, 3 hold record
-- ARGV: 1 start HH:mm, 2 capacity, 3 now ms, 4 hold id, 5 expires at ms (the clock of ARGV 3), 6 service, 7 date
-- Key lifetimes are relative (PEXPIRE), so they follow the server's clock, not Redis's.
local now = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local booked = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
if booked + redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[2]) then return result({ error = 'slot_full' }) end
redis.call('ZADD', KEYS[2], ARGV[5], ARGV[4])
-- the zset outlives its last hold a little; members are judged by their score, not by the key's life
local ttl = tonumber(ARGV[5]) - now + 3600000
redis.call('PEXPIRE', KEYS[2], ttl)
redis.call('HSET', KEYS[3], 'service', ARGV[6], 'date', ARGV[7], 'start', ARGV[1], 'expiresAt', ARGV[5])
redis.call('PEXPIRE', KEYS[3], ttl)
return result({ ok = true })
