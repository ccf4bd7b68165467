-- wrk script of bench/api_load.py: GET a path, or POST one verdict per claim id, with a token.
-- Arguments: token, mode ("get" or "verdict"), path or ids file, number of threads.
-- Prints one JSON line: requests/s, p50 and p95 in ms, non-2xx responses.

local thread_count = 0

function setup(thread)
  thread:set("tid", thread_count)
  thread_count = thread_count + 1
end

function init(args)
  token = args[1]
  mode = args[2]
  target = args[3]
  nthreads = tonumber(args[4])
  headers = { ["Authorization"] = "Token " .. token, ["Content-Type"] = "application/json" }
  ids = {}
  if mode == "verdict" then
    local i = 0
    for line in io.lines(target) do
      -- each thread takes its own claims, so no two requests record a verdict on the same one
      if i % nthreads == tid then ids[#ids + 1] = line end
      i = i + 1
    end
  end
  n = 0
end

function request()
  if mode == "verdict" then
    n = n + 1
    local id = ids[n] or ids[#ids]
    return wrk.format("POST", "/api/claims/" .. id .. "/verdict/", headers,
      '{"verdict": "unverifiable", "rationale": "No published figures to check against.", "version": 1}')
  end
  return wrk.format("GET", target, headers)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format(
    '{"rps": %.1f, "p50_ms": %.2f, "p95_ms": %.2f, "requests": %d, "non2xx": %d, "socket_errors": %d}\n',
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    summary.requests, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
