-- wrk script for bench/stress.sh and bench/feed.sh: GET /api/activities/home, and every POST_EVERY-th
-- request (10 unless set) a POST /api/activities. Posts carry the access token bench/access-token.sh
-- minted (TOKEN). Counts answers by class per thread; done() adds them up and prints one line the script reads.
local counter = 0
local post_every = tonumber(os.getenv("POST_EVERY") or "10")
local authorization = "Bearer " .. (os.getenv("TOKEN") or "none")
answers = { created = 0, ok = 0, client_error = 0, server_error = 0 }
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function request()
  counter = counter + 1
  if counter % post_every == 0 then
    local body = string.format('{"message":"stress %d %d","ttl":"1-hour"}', id, counter)
    return wrk.format("POST", "/api/activities", { ["Content-Type"] = "application/json", ["Authorization"] = authorization }, body)
  end
  return wrk.format("GET", "/api/activities/home")
end

function response(status, headers, body)
  if status == 201 then answers.created = answers.created + 1
  elseif status < 400 then answers.ok = answers.ok + 1
  elseif status < 500 then answers.client_error = answers.client_error + 1
  else answers.server_error = answers.server_error + 1 end
end

function done(summary, latency, requests)
  local total = { created = 0, ok = 0, client_error = 0, server_error = 0 }
  for _, thread in ipairs(threads) do
    local counted = thread:get("answers")
    for key, value in pairs(counted) do total[key] = total[key] + value end
  end
  io.write(string.format("ANSWERS created=%d ok=%d client_error=%d server_error=%d\n",
    total.created, total.ok, total.client_error, total.server_error))
end
