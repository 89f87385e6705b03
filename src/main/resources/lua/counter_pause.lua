-- Pauses or resumes a counter; a paused counter is not given tickets.
-- KEYS: 1 counter, 2 version
-- ARGV: 1 office, 2 counterId, 3 paused ('1'/'0'), 4 channel, 5 now ms
local was = redis.call('HGET', KEYS[1], 'paused') or '0'
if was == ARGV[3] then return result({ paused = was == '1', changed = false }) end
redis.call('HSET', KEYS[1], 'paused', ARGV[3])
emit(KEYS[2], ARGV[4], { type = ARGV[3] == '1' and 'counter.paused' or 'counter.resumed',
  office = ARGV[1], at = tonumber(ARGV[5]), counter = ARGV[2] })
return result({ paused = ARGV[3] == '1', changed = true })
