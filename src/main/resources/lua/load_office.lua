-- Reads an office's settings, their revision and its pending settings in one consistent step.
-- KEYS: config, revision, pending. Returns JSON {config, revision, from, settings, reasons} ({} when none).
local config = redis.call('GET', KEYS[1])
if not config then
  return '{}'
end
local pending = redis.call('HMGET', KEYS[3], 'from', 'settings', 'reasons')
return cjson.encode({ config = config, revision = tonumber(redis.call('GET', KEYS[2]) or '1'),
  from = pending[1] or nil, settings = pending[2] or nil, reasons = pending[3] or nil })
