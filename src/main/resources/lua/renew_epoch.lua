-- Replaces an office's epoch after a server saw its version go backwards, unless another server
-- has replaced it already; returns the epoch in force. An epoch is the store's time in
-- microseconds when it began (as in emit, lib.lua), so a new one never repeats an old one. The
-- office's event log belongs to the epoch it replaces: it is dropped with it, so no socket is
-- repaired from a history that is not the new epoch's (live_replay.lua answers "gone": snapshot).
-- KEYS: 1 epoch, 2 event log
-- ARGV: 1 the epoch whose versions went backwards ('' when there was none)
local current = redis.call('GET', KEYS[1])
if not current or current == ARGV[1] then
  local t = redis.call('TIME')
  current = t[1] .. string.format('%06d', tonumber(t[2]))
  redis.call('SET', KEYS[1], current)
  if KEYS[2] then redis.call('DEL', KEYS[2]) end
end
return current
