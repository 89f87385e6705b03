-- Starts a device pairing: a fresh code (refused when that code is in use) pointing to the pairing
-- record kept under the hash of the device's secret. Both live as long as the code.
-- KEYS: 1 code, 2 pairing record
-- ARGV: 1 secret hash, 2 code, 3 expires at (ms), 4 ttl s
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'EX', tonumber(ARGV[4])) then return result({ created = false }) end
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[2], 'code', ARGV[2], 'expiresAt', ARGV[3], 'status', 'waiting')
redis.call('EXPIRE', KEYS[2], tonumber(ARGV[4]))
return result({ created = true })
