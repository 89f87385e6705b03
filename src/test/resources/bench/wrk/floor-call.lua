-- The floor server's call-next (vn.layso.bench.FloorServer): like callnext.lua, every thread goes
-- round every counter of every office from a different start, to <path><office>/<counter>; a 204
-- (no ticket waiting) is counted. The real server's token goes along (unchecked), so that the
-- requests are as long as call-next's. args: <path> <token> <counters> <office>...
dofile("common.lua")
dry = 0
function init(args)
  local h = { ["Authorization"] = "Bearer " .. args[2] }
  for c = 1, tonumber(args[3]) do
    for o = 4, #args do
      reqs[#reqs + 1] = wrk.format("POST", args[1] .. args[o] .. "/" .. c, h)
    end
  end
  i = (tid * 7) % #reqs
end
request = next_request
function response(status)
  if status == 204 then dry = dry + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + (t:get("dry") or 0) end
  report(summary, latency, total)
end
