-- The day's tickets whose last print failed, newest failure first, for staff to reprint. Tickets that
-- ended meanwhile (served, no-show, cancelled, expired) or were printed since are left out.
-- KEYS: 1 the day's print failures (zset)
-- ARGV: 1 ticket key prefix, 2 how many at most
local out = {}
local ids = redis.call('ZREVRANGE', KEYS[1], 0, tonumber(ARGV[2]) - 1)
for _, id in ipairs(ids) do
  local v = redis.call('HMGET', ARGV[1] .. id, T_STATUS, T_PRINT_STATUS, T_NUMBER, T_SERVICE, T_ISSUED_AT, T_PRINTER,
    T_PRINT_REASON, T_PRINT_AT)
  local status = v[1]
  if v[2] == 'FAILED' and (status == 'WAITING' or status == 'CALLED' or status == 'SERVING') then
    out[#out + 1] = { id = id, number = v[3], service = v[4], status = status, issuedAt = tonumber(v[5]),
                      printer = v[6] or nil, reason = v[7] or nil, at = tonumber(v[8]) }
  end
end
return result({ failures = out })
