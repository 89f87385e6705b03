-- A device asks how its pairing goes: still waiting (its code and expiry), or paired, when the
-- answer carries its token, exactly once: the record is deleted in the same step.
-- A waiting pairing past its expiry (by the server's clock) is gone.
-- KEYS: 1 pairing record
-- ARGV: 1 now (ms)
local p = redis.call('HMGET', KEYS[1], 'status', 'code', 'expiresAt', 'token', 'device', 'office', 'kind', 'counter',
  'tokenExpiresAt')
if not p[1] then return result({ status = 'not_found' }) end
if p[1] == 'waiting' and tonumber(p[3]) <= tonumber(ARGV[1]) then
  redis.call('DEL', KEYS[1])
  return result({ status = 'not_found' })
end
if p[1] == 'paired' then
  redis.call('DEL', KEYS[1])
  return result({ status = 'paired', token = p[4], device = p[5], office = p[6], kind = p[7], counter = p[8],
    expiresAt = p[9] })
end
return result({ status = 'waiting', code = p[2], expiresAt = p[3] })
