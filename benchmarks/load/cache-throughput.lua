-- wrk script: each request carries one of the tokens in TOKENS_FILE (one a line), in turn, so that 1,000 distinct
-- tokens are all used; with one line it is the one-token run. Each wrk thread starts at a different offset. The
-- requests are built once in init, so that wrk spends its time sending, not formatting.
local requests = {}
local index = 0
local thread_count = 0

function setup(thread)
  thread:set("offset", thread_count * 997)
  thread_count = thread_count + 1
end

function init(args)
  local file = assert(io.open(os.getenv("TOKENS_FILE"), "r"))
  for line in file:lines() do
    if #line > 0 then
      requests[#requests + 1] = wrk.format("GET", "/v1/profile", { ["Authorization"] = "Bearer " .. line })
    end
  end
  file:close()
  index = (offset or 0) % #requests
end

function request()
  index = index % #requests + 1
  return requests[index]
end

function done(summary, latency)
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.3f rps=%.1f errors=%d p50_ms=%.3f p99_ms=%.3f\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6), bad,
    latency:percentile(50) / 1e3, latency:percentile(99) / 1e3))
end
