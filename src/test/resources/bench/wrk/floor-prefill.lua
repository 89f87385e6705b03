-- floor-issue.lua that stops each thread after <limit> answers. args: <limit> <path> <services> <office>...
dofile("floor-issue.lua")
local n = 0
function init(args)
  limit = tonumber(args[1])
  floor_issue_requests(args[2], tonumber(args[3]), { unpack(args, 4) })
end
function response(status)
  n = n + 1
  if n >= limit then wrk.thread:stop() end
end
