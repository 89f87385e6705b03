-- The floor server's issue (vn.layso.bench.FloorServer): issue.lua's bodies, round-robin over every
-- service of the offices given, to /floor/issue/<office> (or /floor/issue-pipe/<office>).
-- args: <path> <services> <office>...
dofile("common.lua")
function floor_issue_requests(path, services, offices)
  local h = { ["Content-Type"] = "application/json" }
  for s = 0, services - 1 do
    for _, office in ipairs(offices) do
      reqs[#reqs + 1] = wrk.format("POST", path .. office, h, '{"service":"s' .. s .. '"}')
    end
  end
  i = (tid * 5) % #reqs
end
function init(args)
  floor_issue_requests(args[1], tonumber(args[2]), { unpack(args, 3) })
end
request = next_request
function done(summary, latency, requests) report(summary, latency) end
