-- The day's tickets whose last print failed, newest failure first, for staff to reprint. Tickets that
-- ended meanwhile (served, no-show, cancelled, expired) or were printed since are left out.
-- KEYS: 1 the day's print failures (zset)
-- ARGV: 1 ticket key prefix, 2 how many at most
local out = {}
local ids = redis.call('ZREVRANGE', KEYS[1], 0, tonumber(ARGV[2]) - 1)
for _, id in ipairs(ids) do
  local t = load_ticket(ARGV[1] .. id)
  if t and t.print and t.print.status == 'FAILED'
      and (t.status == 'WAITING' or t.status == 'CALLED' or t.status == 'SERVING') then
    out[#out + 1] = { id = t.id, number = t.number, service = t.service, status = t.status, issuedAt = t.issuedAt,
                      printer = t.print.printer, reason = t.print.reason, at = t.print.at }
  end
end
return result({ failures = out })
