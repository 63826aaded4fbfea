-- wrk script for fault-load.sh: rotates through a mix of tokens and counts the answers.
-- Arguments (after --): the token file ("kind token" per line) and the id of the only user whose tokens are valid.
-- Every bad token (expired, forged, tampered) names another user, so a 200 whose body lacks the valid user's id is
-- a false accept, without having to pair responses with requests.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  tokens = {}
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    local kind, token = line:match("^(%S+)%s+(%S+)$")
    if kind then
      table.insert(tokens, token)
    end
  end
  file:close()
  valid_user = args[2]
  statuses = {}
  false_accepts = 0
  next_token = math.random(1, #tokens)
end

function request()
  next_token = next_token % #tokens + 1
  return wrk.format("GET", "/v1/profile", { ["Authorization"] = "Bearer " .. tokens[next_token] })
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 200 and not string.find(body, valid_user, 1, true) then
    false_accepts = false_accepts + 1
  end
end

function done(summary, latency, requests)
  local totals, accepts = {}, 0
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      totals[status] = (totals[status] or 0) + count
    end
    accepts = accepts + thread:get("false_accepts")
  end

  local codes = {}
  for status in pairs(totals) do
    table.insert(codes, status)
  end
  table.sort(codes)

  io.write(string.format("requests         %d in %.1f s (%.0f/s)\n", summary.requests,
    summary.duration / 1e6, summary.requests / (summary.duration / 1e6)))
  for _, status in ipairs(codes) do
    io.write(string.format("status %d       %d\n", status, totals[status]))
  end
  io.write(string.format("socket errors    connect %d, read %d, write %d, timeout %d\n", summary.errors.connect,
    summary.errors.read, summary.errors.write, summary.errors.timeout))
  io.write(string.format("false accepts    %d\n", accepts))
  io.write(string.format("500s             %d\n", totals[500] or 0))
  io.write(string.format("latency p50      %.1f ms\n", latency:percentile(50) / 1000))
  io.write(string.format("latency p99      %.1f ms\n", latency:percentile(99) / 1000))
  io.write(string.format("latency max      %.1f ms\n", latency.max / 1000))
end
