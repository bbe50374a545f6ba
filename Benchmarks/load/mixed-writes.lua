-- The read mix of mixed-reads.lua with a stream of writes woven in: one request in WRITE_EVERY is a write,
-- in turn tabling a proposal (board secretary), recording a meeting's votes on a proposal tabled a few
-- writes earlier (so it has surely been tabled on another connection by then), and submitting a place's
-- assurance return. Credentials and the voting parties come from load.sh through the environment.
local reads = {
  "/", "/assurance", "/api/v1/system", "/api/v1/places/east-kent", "/api/v1/areas/east-kent/needs", "/decisions",
  "/assurance/east-kent", "/api/v1/indicators/ae-4-hour/areas/east-kent/spc", "/areas/east-kent", "/api/v1/decisions",
  "/money", "/api/v1/ledger",
}
local every = tonumber(os.getenv("WRITE_EVERY") or "10")
local secretary = os.getenv("AUTH_SECRETARY")
local lead = os.getenv("AUTH_PLACE_LEAD")
local parties = {}
for party in string.gmatch(os.getenv("PARTIES") or "", "[^,]+") do parties[#parties + 1] = party end

local thread_counter = 0
function setup(thread)
  thread_counter = thread_counter + 1
  thread:set("prefix", "LOAD-" .. thread_counter .. "-" .. os.time())
end

local counter, writes, tabled, voted = 0, 0, 0, 0
local function json_headers(auth)
  return { ["Content-Type"] = "application/json", ["Authorization"] = "Basic " .. auth }
end

local function ballot()
  local present, votes = {}, {}
  for i, party in ipairs(parties) do
    present[#present + 1] = '"' .. party .. '"'
    local choice = (i <= #parties * 3 / 4) and "yes" or "no"
    votes[#votes + 1] = '{"organisation":"' .. party .. '","choice":"' .. choice .. '"}'
  end
  return '{"present":[' .. table.concat(present, ",") .. '],"votes":[' .. table.concat(votes, ",") .. ']}'
end

request = function()
  counter = counter + 1
  if counter % every ~= 0 then return wrk.format("GET", reads[(counter % #reads) + 1]) end
  writes = writes + 1
  local kind = writes % 3
  if kind == 1 or (kind == 2 and tabled - voted <= 4) then
    tabled = tabled + 1
    local body = '{"id":"' .. prefix .. "-" .. tabled .. '","title":"Load test proposal ' .. tabled
      .. '","type":"engagement","tabled":"2026-11-01","hasGreenBookBusinessCase":true,"hasExitArrangements":true}'
    return wrk.format("POST", "/api/v1/proposals", json_headers(secretary), body)
  elseif kind == 2 then
    voted = voted + 1
    return wrk.format("POST", "/api/v1/proposals/" .. prefix .. "-" .. voted .. "/vote", json_headers(secretary), ballot())
  else
    local body = '{"place":"east-kent","month":"2026-10","values":[{"indicator":"ae-4-hour","value":'
      .. (70 + writes % 5) .. '}],"narrative":"Load test.","actions":"None."}'
    return wrk.format("POST", "/api/v1/returns", json_headers(lead), body)
  end
end

function done(summary, latency, requests)
  io.write(string.format("writes were 1 request in %d; non-2xx responses: %d\n", every,
    summary.errors.status))
end
