-- Starts (or resumes) a rotation of the personal-data key version: an interrupted rotation is
-- resumed at its target; otherwise the current version (absent = 1) is raised by one (or kept, when
-- ARGV 1 is '0': re-encrypt everything to the current version) and recorded as the target.
-- KEYS: 1 current version, 2 rotation in progress (its target)
-- ARGV: 1 '1' raise the version, '0' keep it
local target = redis.call('GET', KEYS[2])
if target then
  redis.call('SET', KEYS[1], target)
  return result({ target = tonumber(target), resumed = true })
end
local v = tonumber(redis.call('GET', KEYS[1]) or '1')
if ARGV[1] == '1' then v = v + 1 end
redis.call('SET', KEYS[1], v)
redis.call('SET', KEYS[2], v)
return result({ target = v, resumed = false })
