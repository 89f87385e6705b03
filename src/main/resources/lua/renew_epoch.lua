-- Replaces an office's epoch after a server saw its version go backwards, unless another server
-- has replaced it already; returns the epoch in force. An epoch is the store's time in
-- microseconds when it began (as in emit, lib.lua), so a new one never repeats an old one.
-- KEYS: 1 epoch
-- ARGV: 1 the epoch whose versions went backwards ('' when there was none)
local current = redis.call('GET', KEYS[1])
if not current or current == ARGV[1] then
  local t = redis.call('TIME')
  current = t[1] .. string.format('%06d', tonumber(t[2]))
  redis.call('SET', KEYS[1], current)
end
return current
