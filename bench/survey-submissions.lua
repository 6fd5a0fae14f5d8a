-- wrk script: POSTs complete surveys to /survey/ROUND/submit, one request per survey.
-- Each thread builds 256 different surveys (professions, organisations, answers, some comments)
-- and sends them in turn. Set by bench/survey-submissions: SURVEY_ROUND, SURVEY_CSRF_COOKIE,
-- SURVEY_CSRF_TOKEN, SURVEY_ORGANISATIONS (comma-separated placement organisation codes).

local round = os.getenv("SURVEY_ROUND")
local token = os.getenv("SURVEY_CSRF_TOKEN")
local cookie = os.getenv("SURVEY_CSRF_COOKIE")
local organisations = {}
for code in string.gmatch(os.getenv("SURVEY_ORGANISATIONS") or "", "[^,]+") do organisations[#organisations + 1] = code end

local professions = {"student-nurse", "student-midwife", "medical-student", "doctor-foundation", "doctor-core",
                     "physiotherapy", "paramedicine", "pharmacy", "nursing-associate", "dental-student"}
local placementTypes = {"hospital-inpatient", "hospital-outpatient", "community", "primary-care", "mental-health"}
local core = {"IND1", "IND2", "IND3", "IND4", "IND5", "SUP1", "SUP3", "SUP4", "SUP5", "SUP6", "FAC1", "FAC2",
              "LRN1", "LRN2", "LRN4", "LRN5", "TEAM1", "TEAM2", "TEAM3", "TEAM4", "OVR1", "OVR2", "EDS1", "EDS2",
              "EDS3", "SPK1", "SPK2"}
local withNA = {"SUP2", "FAC3", "FAC4", "LRN3"}
local nursing = {"NMW1", "NMW2"}
local doctors = {"MED1", "MED2", "MED3", "MED4"}
local comments = {"Supportive+team+and+a+named+supervisor+who+made+time+every+week.",
                  "Rota+gaps+meant+teaching+was+often+cancelled.",
                  "Staffing+on+nights+felt+unsafe+at+times."}

local function survey()
  local profession = professions[math.random(#professions)]
  local parts = {"_csrf=" .. token, "profession=" .. profession,
                 "organisation=" .. organisations[math.random(#organisations)],
                 "placement-type=" .. placementTypes[math.random(#placementTypes)], "training-level=year-2"}
  for _, code in ipairs(core) do parts[#parts + 1] = code .. "=" .. math.random(1, 5) end
  for _, code in ipairs(withNA) do
    parts[#parts + 1] = code .. "=" .. (math.random(4) == 1 and "NA" or tostring(math.random(1, 5)))
  end
  if profession == "student-nurse" or profession == "student-midwife" or profession == "nursing-associate" then
    for _, code in ipairs(nursing) do parts[#parts + 1] = code .. "=" .. math.random(1, 5) end
  end
  if string.sub(profession, 1, 7) == "doctor-" then
    for _, code in ipairs(doctors) do parts[#parts + 1] = code .. "=" .. math.random(1, 5) end
  end
  if math.random(3) == 1 then parts[#parts + 1] = "COULD-IMPROVE=" .. comments[math.random(#comments)] end
  return table.concat(parts, "&")
end

local requests = {}
local index = 1

function init(args)
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
  local headers = {["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = "eq_csrf=" .. cookie}
  for i = 1, 256 do requests[i] = wrk.format("POST", "/survey/" .. round .. "/submit", headers, survey()) end
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
