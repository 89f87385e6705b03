-- Takes back a code that no channel could deliver (Zalo and the SMS hook both failed): it is no
-- longer pending, and neither the send nor the resend interval is held against the citizen.
-- KEYS: 1 hold record, 2 the phone's sends that day (counter)
-- ARGV: 1 the undelivered code's hash
if redis.call('HGET', KEYS[1], 'otpCode') ~= ARGV[1] then return result({ ok = false }) end
redis.call('HDEL', KEYS[1], 'otpCode', 'otpExpiresAt')
redis.call('HSET', KEYS[1], 'otpNextAt', 0)
if tonumber(redis.call('HGET', KEYS[1], 'otpSends') or '0') > 0 then redis.call('HINCRBY', KEYS[1], 'otpSends', -1) end
if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then redis.call('DECR', KEYS[2]) end
return result({ ok = true })
