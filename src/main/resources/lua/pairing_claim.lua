-- lib: auth
-- A manager claims the device showing a code, in one step: the code is taken (a second claim of
-- the same code finds none), the device is paired (pair_device_account in lib.lua) and its token
-- left in the pairing record for the device's next poll, which is given at least hold_s to come.
-- KEYS: 1 code, 2 account, 3 account names, 4 the account's token hashes, 5 device record,
--       6 the office's devices, 7 the new token
-- ARGV: 1 pairing record prefix (same {auth} slot), 2 username, 3 password hash, 4 office, 5 kind,
--       6 paired at (ms), 7 token key prefix, 8 token principal JSON, 9 ttl s, 10 token hash,
--       11 counter ('' none), 12 the token, 13 token expires at (ISO-8601), 14 hold_s, 15 now (ms):
--       a code past its expiry by the server's clock is not claimed
local secret = redis.call('GET', KEYS[1])
if not secret then return result({ error = 'pairing_code_not_found' }) end
local pairing = ARGV[1] .. secret
local state = redis.call('HMGET', pairing, 'status', 'expiresAt')
if state[1] ~= 'waiting' or tonumber(state[2]) <= tonumber(ARGV[15]) then
  return result({ error = 'pairing_code_not_found' })
end
local paired = pair_device_account(
  { account = KEYS[2], names = KEYS[3], tokens = KEYS[4], device = KEYS[5], office_devices = KEYS[6], token = KEYS[7] },
  { username = ARGV[2], password_hash = ARGV[3], office = ARGV[4], kind = ARGV[5], paired_at = ARGV[6],
    token_prefix = ARGV[7], principal = ARGV[8], ttl = ARGV[9], token_hash = ARGV[10], counter = ARGV[11] })
if not paired then return result({ error = 'device_name_taken' }) end
redis.call('DEL', KEYS[1])
redis.call('HSET', pairing, 'status', 'paired', 'token', ARGV[12], 'device', ARGV[2], 'office', ARGV[4],
  'kind', ARGV[5], 'counter', ARGV[11], 'tokenExpiresAt', ARGV[13])
local hold = tonumber(ARGV[14])
if redis.call('TTL', pairing) < hold then redis.call('EXPIRE', pairing, hold) end
return result({ paired = true })
