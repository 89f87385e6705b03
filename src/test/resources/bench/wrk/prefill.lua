-- issue.lua that stops each thread after <limit> answers. args: <limit> <services> <office>...
dofile("issue.lua")
local n = 0
function init(args)
  limit = tonumber(args[1])
  issue_requests(tonumber(args[2]), { unpack(args, 3) })
end
function response(status)
  n = n + 1
  if n >= limit then wrk.thread:stop() end
end
