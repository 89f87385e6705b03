-- Walk-in tickets, round-robin over every service of the offices given.
-- args: <services> <office>...   (services are named s0, s1, ...)
dofile("common.lua")
function issue_requests(services, offices)
  local h = { ["Content-Type"] = "application/json" }
  for s = 0, services - 1 do
    for _, office in ipairs(offices) do
      reqs[#reqs + 1] = wrk.format("POST", "/api/v1/offices/" .. office .. "/tickets", h, '{"service":"s' .. s .. '"}')
    end
  end
  i = (tid * 5) % #reqs
end
function init(args)
  issue_requests(tonumber(args[1]), { unpack(args, 2) })
end
request = next_request
function done(summary, latency, requests) report(summary, latency) end
