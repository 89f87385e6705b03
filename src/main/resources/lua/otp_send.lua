-- Starts a phone verification on a live hold (or gives it a new code): the resend interval, the
-- sends per hold and per phone per day are checked and counted here, before anything is sent. The
-- code itself never reaches Redis: only its HMAC (bound to the office and the hold), and only the
-- keyed hash of the phone. A new code gets its own tries; a phone already verified stays verified.
-- KEYS: 1 hold record, 2 the phone's sends that day (counter)
-- ARGV: 1 now ms, 2 phone hash, 3 code hash, 4 code expires at ms, 5 resend interval ms,
--       6 max sends per hold, 7 max sends per phone per day, 8 day counter time to live ms, 9 masked phone
local now = tonumber(ARGV[1])
local h = redis.call('HMGET', KEYS[1], 'expiresAt', 'otpSends', 'otpNextAt')
if not h[1] or tonumber(h[1]) <= now then return result({ error = 'hold_not_found' }) end
local next_at = tonumber(h[3] or '0')
if now < next_at then return result({ error = 'otp_resend_wait', retryAfter = math.ceil((next_at - now) / 1000) }) end
local sends = tonumber(h[2] or '0')
if sends >= tonumber(ARGV[6]) then return result({ error = 'otp_send_limit', limit = 'hold' }) end
if tonumber(redis.call('GET', KEYS[2]) or '0') >= tonumber(ARGV[7]) then
  return result({ error = 'otp_send_limit', limit = 'phone' })
end
next_at = now + tonumber(ARGV[5])
redis.call('HSET', KEYS[1], 'otpPhone', ARGV[2], 'otpCode', ARGV[3], 'otpExpiresAt', ARGV[4], 'otpTries', 0,
  'otpSends', sends + 1, 'otpNextAt', next_at, 'otpMasked', ARGV[9])
redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[8])
return result({ ok = true, nextAt = next_at })
