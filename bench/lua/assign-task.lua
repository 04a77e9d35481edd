-- Task assignment with If-Match: every request gives a different open task to one of its incident's participants,
-- with the ETag of the task as generated (BENCH_TASKS, a Lua table of {id, row version, organisation}). Threads take
-- interleaved tasks from BENCH_TASK_START on, so no task is assigned twice within or across runs.
local common = dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local tasks = dofile(os.getenv("BENCH_TASKS"))
local first = tonumber(os.getenv("BENCH_TASK_START"))
local threads = tonumber(os.getenv("BENCH_THREADS"))
local headers = common.headers()
headers["Content-Type"] = "application/json"

local started = 0
function setup(thread)
  thread:set("index", started)
  started = started + 1
end

local sent = 0
function request()
  local task = tasks[(first + index + sent * threads) % #tasks + 1]
  sent = sent + 1
  headers["If-Match"] = '"' .. task[2] .. '"'
  return wrk.format("POST", "/api/v1/tasks/" .. task[1] .. "/assign", headers, '{"organisationId":"' .. task[3] .. '"}')
end
