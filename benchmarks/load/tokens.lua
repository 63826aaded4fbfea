-- wrk script: sends GET with "Authorization: Bearer <token>", rotating through the tokens of the file given after
-- "--" (one a line); each thread starts at its own place in the list. Prints one KIWI_RESULT line at the end.
local requests = {}
local index = 0
local threads = 0

function setup(thread)
  thread:set("thread_number", threads)
  threads = threads + 1
end

function init(args)
  local path = args[1] or error("usage: wrk ... -s tokens.lua URL -- TOKEN_FILE")
  for line in io.lines(path) do
    if #line > 0 then
      requests[#requests + 1] = wrk.format("GET", nil, { ["Authorization"] = "Bearer " .. line })
    end
  end
  if #requests == 0 then
    error("no tokens in " .. path)
  end
  index = ((thread_number or 0) * 500) % #requests
end

function request()
  index = index % #requests + 1
  return requests[index]
end

function done(summary, latency, _)
  local errors = summary.errors
  io.write(string.format(
    "KIWI_RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
