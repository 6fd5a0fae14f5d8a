-- wrk script: POST anonymous concerns as fast as the server takes them, and count the answers.
local organisations = {"T001", "T002", "T003", "T010", "T020", "T033"}  -- demo organisations
local categories = {"supervision", "teaching", "workload-rota", "facilities", "induction"}
local counter = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  created = 0
  other = 0
  status_4xx = 0
  status_5xx = 0
  first_error = ""
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"anonymity":"anonymous","organisation":"%s","category":"%s","pathway":1,"description":"Load test concern %d: no supervisor on the night shift."}',
    organisations[counter % #organisations + 1], categories[counter % #categories + 1], counter)
  return wrk.format("POST", "/api/v1/concerns", {["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  else
    other = other + 1
    if status >= 500 then status_5xx = status_5xx + 1 elseif status >= 400 then status_4xx = status_4xx + 1 end
    if first_error == "" then first_error = status .. " " .. string.sub(body, 1, 300) end
  end
end

function done(summary, latency, requests)
  local c, o, c4, c5, first = 0, 0, 0, 0, ""
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    o = o + t:get("other")
    c4 = c4 + t:get("status_4xx")
    c5 = c5 + t:get("status_5xx")
    if first == "" then first = t:get("first_error") end
  end
  io.write(string.format("ACKNOWLEDGED %d\nOTHER %d (4xx %d, 5xx %d)\n", c, o, c4, c5))
  if first ~= "" then io.write("FIRST ERROR " .. first .. "\n") end
end
