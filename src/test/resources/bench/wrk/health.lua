-- GET /health, wrk's own request (no request() hook, which would cost wrk a Lua call each)
dofile("common.lua")
function done(summary, latency, requests) report(summary, latency) end
