-- Read-only: each field's waiting count and its longest-waiting ticket's effective arrival (ms),
-- for the console's live board. Priority tickets sort first (scores below zero), the others by
-- arrival, so the oldest is the earlier of the two heads.
-- KEYS: one queue per field
-- ARGV: none
local out = {}
for i, queue in ipairs(KEYS) do
  local f = { waiting = waiting_count(queue) }
  if f.waiting > 0 then
    local heads = { redis.call('ZRANGEBYSCORE', queue, '-inf', '(0', 'WITHSCORES', 'LIMIT', 0, 1),
                    redis.call('ZRANGEBYSCORE', queue, 0, '+inf', 'WITHSCORES', 'LIMIT', 0, 1) }
    for _, head in ipairs(heads) do
      if head[2] then
        local arrival = arrival_of(tonumber(head[2]))
        if not f.oldest or arrival < f.oldest then f.oldest = arrival end
      end
    end
  end
  out[i] = f
end
return result(out)
