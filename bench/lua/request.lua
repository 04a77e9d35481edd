-- The same request again and again: BENCH_METHOD (default GET) to the URL given to wrk, with BENCH_HEADERS and, when
-- BENCH_BODY_FILE names one, that file as the body.
local common = dofile(os.getenv("BENCH_LUA") .. "/common.lua")

wrk.method = os.getenv("BENCH_METHOD") or "GET"
for name, value in pairs(common.headers()) do
  wrk.headers[name] = value
end

local file = os.getenv("BENCH_BODY_FILE") or ""
if file ~= "" then
  local body = assert(io.open(file, "rb"))
  wrk.body = body:read("*a")
  body:close()
end
