-- wrk script: every request is a different organization signing with a different address, as in
-- a real burst; the form is the one browsers post. Prints a machine-readable line at the end.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + tid)
  prefix = string.format("w%d-%d", tid, math.random(1, 1000000000))
  stamp = os.getenv("BENCH_FORM_STAMP") or ""
end

function request()
  counter = counter + 1
  local id = prefix .. "-" .. counter
  local body = "kind=ORGANIZATION&organizationName=Bench+Org+" .. id
    .. "&website=bench.example&city=Oakland&region=CA&country=US&orgType=ADVOCACY"
    .. "&contactName=Bench+Contact&contactTitle=Organizer&email=" .. id .. "%40bench.invalid&consentPublic=yes"
    .. "&formStamp=" .. stamp
  return wrk.format("POST", wrk.path, {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_us=%d status_errors=%d connect=%d read=%d write=%d timeout=%d p50_us=%d p99_us=%d\n",
    summary.requests, summary.duration, summary.errors.status, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout, latency:percentile(50), latency:percentile(99)))
end
