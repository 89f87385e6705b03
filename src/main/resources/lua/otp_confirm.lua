-- Checks a typed code against the hold's pending code, atomically: the wrong tries are counted here
-- (any number of parallel attempts count exactly), the comparison of the two HMACs takes the same
-- time whatever they share, and a right code marks the hold verified for the phone it was sent to
-- (the field book.lua compares with the booking's phone) and is spent.
-- KEYS: 1 hold record
-- ARGV: 1 now ms, 2 hash of the typed code, 3 wrong tries allowed
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
return result({ ok = true, phone = h[6] })
