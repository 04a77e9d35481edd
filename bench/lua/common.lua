-- Shared by the wrk scripts of bench/run.sh. Headers come from BENCH_HEADERS (one "Name: value" a line); a half-rate
-- run sets BENCH_DELAY_MS, the pause each connection makes between requests; done() prints the one line run.sh reads:
-- WRK requests seconds p50_ms p99_ms socket_errors (connect, read, write, timeout) non_2xx_3xx.
local common = {}

function common.headers()
  local headers = {}
  for line in (os.getenv("BENCH_HEADERS") or ""):gmatch("[^\n]+") do
    local name, value = line:match("^([^:]+):%s*(.*)$")
    if name then headers[name] = value end
  end
  return headers
end

local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "")
if pause then
  function delay() return pause end
end

function common.report(summary, latency)
  local e = summary.errors
  io.write(string.format("WRK\t%d\t%.6f\t%.3f\t%.3f\t%d\t%d\n", summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, e.connect + e.read + e.write + e.timeout, e.status))
end

function done(summary, latency, requests)
  common.report(summary, latency)
end

return common
