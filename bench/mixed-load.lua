-- wrk script for one route class of bench/mixed-load (MIX_CLASS):
--   report-pages  GET the public reporting tool's views and printable reports
--   report-api    GET the reporting API (indicators, items, trends)
--   concern-work  a signed-in handler: the queue, case pages, and internal notes POSTed to cases
-- Survey submissions use bench/survey-submissions.lua and GET / uses bench/baseline.lua.
-- Set by bench/mixed-load: MIX_CLASS, MIX_ROUNDS (published round codes, comma-separated),
-- MIX_REGION, MIX_PROFESSION, and for concern work MIX_CASES (case references),
-- MIX_COOKIE (the handler's Cookie header) and MIX_CSRF (a form token for that cookie).
-- Prints one WRK_RESULT line (the same fields as baseline.lua).

local class = os.getenv("MIX_CLASS")

local function list(name)
  local values = {}
  for v in string.gmatch(os.getenv(name) or "", "[^,]+") do values[#values + 1] = v end
  return values
end

local requests = {}
local index = 1

local function get(path, headers) requests[#requests + 1] = wrk.format("GET", path, headers) end

function init(args)
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
  local rounds = list("MIX_ROUNDS")
  local latest = rounds[#rounds]
  local region, profession = os.getenv("MIX_REGION"), os.getenv("MIX_PROFESSION")
  if class == "report-pages" then
    for _, view in ipairs({"grid", "boxplots", "items", "trends", "ranking"}) do
      for _, groupBy in ipairs({"profession", "region", "organisation"}) do
        get("/reports?round=" .. latest .. "&view=" .. view .. "&groupBy=" .. groupBy)
      end
    end
    get("/reports?round=" .. latest .. "&view=grid&groupBy=organisation&region=" .. region)
    get("/reports/professions/" .. profession .. "?round=" .. latest)
    get("/reports/regions/" .. region .. "?round=" .. latest)
  elseif class == "report-api" then
    for _, round in ipairs(rounds) do
      for _, groupBy in ipairs({"profession", "region", "organisation"}) do
        get("/api/v1/reports/indicators?round=" .. round .. "&groupBy=" .. groupBy)
        get("/api/v1/reports/items?round=" .. round .. "&groupBy=" .. groupBy)
      end
      get("/api/v1/reports/indicators?round=" .. round .. "&groupBy=organisation&region=" .. region)
    end
    get("/api/v1/reports/trends?groupBy=profession")
    get("/api/v1/reports/trends?groupBy=region&profession=" .. profession)
  elseif class == "concern-work" then
    -- Per case: the queue, the case page twice, and one note (what a handler does on a case).
    local cookie, token = os.getenv("MIX_COOKIE"), os.getenv("MIX_CSRF")
    local headers = {["Cookie"] = cookie}
    local form = {["Cookie"] = cookie, ["Content-Type"] = "application/x-www-form-urlencoded"}
    for _, case in ipairs(list("MIX_CASES")) do
      get("/concerns/queue", headers)
      get("/concerns/cases/" .. case, headers)
      requests[#requests + 1] = wrk.format("POST", "/concerns/cases/" .. case .. "/add-internal-note", form,
        "_csrf=" .. token .. "&text=Spoke+to+the+placement+lead%3B+rota+gap+confirmed+for+nights.")
      get("/concerns/cases/" .. case, headers)
    end
  else
    error("MIX_CLASS must be report-pages, report-api or concern-work, got " .. tostring(class))
  end
  -- Each connection starts at its own place in the list.
  index = math.random(#requests)
end

function request()
  local r = requests[index]
  index = index % #requests + 1
  return r
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK_RESULT requests=%d duration_us=%d errors_connect=%d errors_read=%d errors_write=%d errors_status=%d errors_timeout=%d latency_p50_us=%d latency_p99_us=%d\n",
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
