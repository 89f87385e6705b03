-- Shared by the wrk scripts of vn.layso.bench.Bench (see docs/benchmarks.md, "How to run").
-- Every script ends with done(), which prints one machine-readable line:
--   RESULT <requests> <seconds> <p50 us> <p99 us> <socket errors> <non-2xx> <204s>
-- (wrk counts an answer as an error when its status is above 399; this server answers no 1xx/3xx.)
threads = {}
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
  table.insert(threads, thread)
end
function report(summary, latency, extra204)
  local e = summary.errors
  io.write(string.format("RESULT %d %.3f %d %d %d %d %d\n", summary.requests, summary.duration / 1e6,
    latency:percentile(50), latency:percentile(99), e.connect + e.read + e.write + e.timeout,
    e.status, extra204 or 0))
end
-- the requests of a script (issue, call-next), each thread starting at a different one
reqs, i = {}, 0
function next_request() i = i % #reqs + 1; return reqs[i] end
