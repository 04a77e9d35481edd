-- Task assignment with If-Match: every request gives a different open task to one of its incident's participants,
-- with the ETag of the task as generated (BENCH_TASKS, a Lua table of {id, row version, organisation}). The
-- BENCH_THREADS threads take interleaved tasks from BENCH_TASK_START on; done() also prints "TASKS n", how far into
-- the list the run went, so the next run starts after it and no task is assigned twice.
local common = dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local tasks = dofile(os.getenv("BENCH_TASKS"))
local first = tonumber(os.getenv("BENCH_TASK_START"))
local stride = tonumber(os.getenv("BENCH_THREADS"))
local headers = common.headers()
headers["Content-Type"] = "application/json"

local threads = {}
function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

-- Global, so that done() can read each thread's count.
sent = 0
function request()
  local task = tasks[(first + index + sent * stride) % #tasks + 1]
  sent = sent + 1
  headers["If-Match"] = '"' .. task[2] .. '"'
  return wrk.format("POST", "/api/v1/tasks/" .. task[1] .. "/assign", headers, '{"organisationId":"' .. task[3] .. '"}')
end

function done(summary, latency, requests)
  common.report(summary, latency)
  local used = 0
  for _, thread in ipairs(threads) do
    local count = thread:get("sent") or 0
    if count > 0 then
      used = math.max(used, thread:get("index") + (count - 1) * stride + 1)
    end
  end
  io.write(string.format("TASKS\t%d\n", used))
end
