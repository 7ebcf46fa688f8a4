-- wrk script: every request is a different web-form inquiry (a new phone number), so each one goes through the
-- whole write path (idempotency, identity, lead, inquiry, outbox) and commits.
local counter = 0
local thread_id = 0
function setup(thread)
  thread:set("tid", thread_id)
  thread_id = thread_id + 1
end
function init(args)
  counter = 0
end
request = function()
  counter = counter + 1
  local phone = string.format("+79%d%08d", 1 + tid, counter % 100000000)
  local body = '{"name":"Load Test","phone":"' .. phone .. '","message":"load ' .. counter .. '"}'
  return wrk.format("POST", "/hooks/bench", {["Content-Type"] = "application/json"}, body)
end
