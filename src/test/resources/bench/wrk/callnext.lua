-- Call-next with a staff token; every thread goes round every counter of every office, from a
-- different start; a 204 (no ticket waiting) is counted. args: <token> <counters> <office>...
dofile("common.lua")
dry = 0
function init(args)
  local h = { ["Authorization"] = "Bearer " .. args[1] }
  for c = 1, tonumber(args[2]) do
    for o = 3, #args do
      reqs[#reqs + 1] = wrk.format("POST", "/api/v1/offices/" .. args[o] .. "/counters/" .. c .. "/call-next", h)
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
