-- One ticket with its place in line.
-- KEYS: 1 ticket, [2 the office's live version]
-- ARGV: 1 queue key prefix
-- phones: with KEYS[2], the answer also names the live version and epoch the place was read at
-- ("live"), so a ticket page can keep its place exact from the deltas after that version.
local t = load_ticket(KEYS[1])
if not t then return result({ error = 'ticket_not_found' }) end
local live = nil
if KEYS[2] then
  live = { version = tonumber(redis.call('GET', KEYS[2]) or '0'), epoch = redis.call('GET', KEYS[2] .. ':epoch') or nil }
end
return result({ ticket = t, position = position_of(queue_of(ARGV[1], t), t), live = live })
