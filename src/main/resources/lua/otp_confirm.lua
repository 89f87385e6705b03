-- Checks a typed code against the hold's pending code, atomically: the wrong tries are counted here
-- (any number of parallel attempts count exactly), the comparison of the two HMACs takes the same
-- time whatever they share, and a right code marks the hold verified for the phone it was sent to
-- (the field book.lua compares with the booking's phone) and is spent.
-- In the same step the hold takes its place (hold.lua did not count it): booked plus the slot's live
-- counted holds must leave room under the capacity (from Java), then it joins the slot's holds with a
-- fresh expiry (never an earlier one), as does its place in the address's holds. A slot that filled
-- meanwhile: 409 slot_full, the phone stays verified on this hold but it takes no place (the citizen
-- picks another slot: a new hold, a new code). A hold counted already (taken before verification
-- held places back) keeps its place.
-- KEYS: 1 hold record, 2 slot ledger, 3 slot holds, 4 address holds
-- ARGV: 1 now ms, 2 hash of the typed code, 3 wrong tries allowed, 4 hold id, 5 start HH:mm, 6 capacity,
--       7 the hold's new expiry ms
local now = tonumber(ARGV[1])
local h = redis.call('HMGET', KEYS[1], 'expiresAt', 'otpCode', 'otpExpiresAt', 'otpTries', 'otpPhone', 'otpMasked')
if not h[1] or tonumber(h[1]) <= now then return result({ error = 'hold_not_found' }) end
if not h[2] then return result({ error = 'otp_expired' }) end
local tries, max = tonumber(h[4] or '0'), tonumber(ARGV[3])
if tries >= max then return result({ error = 'otp_locked' }) end
if now >= tonumber(h[3]) then return result({ error = 'otp_expired' }) end

local a, b = h[2], ARGV[2]
local diff = (#a == #b) and 0 or 1
for i = 1, #a do
  diff = bit.bor(diff, bit.bxor(string.byte(a, i), string.byte(b, i) or 0))
end
if diff ~= 0 then
  tries = redis.call('HINCRBY', KEYS[1], 'otpTries', 1)
  return result({ error = 'otp_wrong', triesLeft = max - tries })
end
redis.call('HSET', KEYS[1], 'verified', h[5])
redis.call('HDEL', KEYS[1], 'otpCode', 'otpExpiresAt', 'otpTries')

redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
if not redis.call('ZSCORE', KEYS[3], ARGV[4]) then
  local booked = tonumber(redis.call('HGET', KEYS[2], ARGV[5]) or '0')
  if booked + redis.call('ZCARD', KEYS[3]) >= tonumber(ARGV[6]) then
    return result({ error = 'slot_full' })
  end
end
local expires = math.max(tonumber(h[1]), tonumber(ARGV[7]))
-- as in hold.lua, the sets outlive their last hold a little; a key's life is only ever lengthened
local ttl = expires - now + 3600000
local function outlive(key)
  if redis.call('PTTL', key) < ttl then redis.call('PEXPIRE', key, ttl) end
end
redis.call('ZADD', KEYS[3], expires, ARGV[4])
outlive(KEYS[3])
if redis.call('ZSCORE', KEYS[4], ARGV[4]) then
  redis.call('ZADD', KEYS[4], expires, ARGV[4])
  outlive(KEYS[4])
end
redis.call('HSET', KEYS[1], 'expiresAt', tostring(expires), 'counted', '1')
outlive(KEYS[1])
return result({ ok = true, phone = h[6], expiresAt = tostring(expires) })
