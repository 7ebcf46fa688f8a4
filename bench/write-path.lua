-- wrk script for bench/write-path.sh. Environment: BENCH_MODE (new | returning | email), BENCH_SALT (two digits,
-- different every run), BENCH_PHASE (one digit, different per phase of a run), BENCH_OF_PHASE (returning: the phase
-- whose people post again).
--   new        every request is a web-form post of a different person, so it takes the whole write path
--              (idempotency, identity, lead, inquiry, outbox) and commits
--   returning  a person of an earlier phase posts again with a new message: a new inquiry on a known contact
--   email      raw MIME (multipart/alternative, text and HTML) from a different sender, with its own Message-ID
local mode = os.getenv("BENCH_MODE") or "new"
local salt = os.getenv("BENCH_SALT") or "00"
local phase = os.getenv("BENCH_PHASE") or "1"
local of_phase = os.getenv("BENCH_OF_PHASE") or "1"
local counter = 0
local thread_id = 0

function setup(thread)
  thread:set("tid", thread_id)
  thread_id = thread_id + 1
end

function init(args)
  counter = 0
end

-- a surname of syllables spelling n in base 16: distinct people have distinct names, so no name blocking key is hot
local syllables = {"ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "zu", "da", "fi", "go", "ha", "je", "pu", "ri"}
local function word(n)
  local s = ""
  repeat
    s = s .. syllables[n % 16 + 1]
    n = math.floor(n / 16)
  until n == 0
  return s:sub(1, 1):upper() .. s:sub(2)
end

-- the phone: phase, thread and a 7-digit number. A fixed permutation (m * 7919 mod 10^7) spreads the numbers over
-- their whole range, so that, as with real new people, few are one slip apart. m numbers the people of all phases and
-- threads together (500 000 for each phase and thread; wrk runs two threads), so no two people share those seven
-- digits. Sequential numbers made every new person a near-phone match of about ten earlier cards (the phone-slip
-- rule), each read and scored; until 2026-12-04 m was the request number alone, and the n-th people of all phases and
-- threads, one slip apart (the phase or thread digit left out), matched each other the same way.
local function person(ph, n)
  local m = (tonumber(ph) * 2 + tid) * 500000 + n
  return string.format("+79%s%d%07d", ph, tid, (m * 7919) % 10000000),
         string.format("bench.%s.%s.%d.%d@example.com", salt, ph, tid, n),
         "Bench " .. word(tonumber(ph) * 1000000 + tid * 100000 + n) .. word(tonumber(salt))
end

local function form(phone, email, name, message)
  local body = '{"name":"' .. name .. '","phone":"' .. phone .. '","email":"' .. email .. '","message":"' .. message .. '"}'
  return wrk.format("POST", "/hooks/bench", {["Content-Type"] = "application/json"}, body)
end

local function mail(phone, email, name, n)
  local boundary = "b" .. salt .. phase .. tid .. n
  local body = table.concat({
    "From: " .. name .. " <" .. email .. ">",
    "To: sales@leadgate.example",
    "Subject: Inquiry " .. salt .. " " .. n,
    "Date: Mon, 23 Nov 2026 10:00:00 +0000",
    "Message-ID: <" .. salt .. "." .. phase .. "." .. tid .. "." .. n .. "@bench.example>",
    "MIME-Version: 1.0",
    'Content-Type: multipart/alternative; boundary="' .. boundary .. '"',
    "",
    "--" .. boundary,
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: 8bit",
    "",
    "Здравствуйте! Please call me back at " .. phone .. " about the offer.",
    "",
    "--" .. boundary,
    "Content-Type: text/html; charset=utf-8",
    "",
    "<p>Здравствуйте! Please call me back at <b>" .. phone .. "</b> about the offer.</p>",
    "--" .. boundary .. "--",
    ""}, "\r\n")
  return wrk.format("POST", "/hooks/mail", {["Content-Type"] = "message/rfc822"}, body)
end

request = function()
  counter = counter + 1
  if mode == "returning" then
    local phone, email, name = person(of_phase, counter % 500 + 1)
    return form(phone, email, name, "returning " .. salt .. " " .. phase .. " " .. tid .. " " .. counter)
  end
  local phone, email, name = person(phase, counter)
  if mode == "email" then
    return mail(phone, email, name, counter)
  end
  return form(phone, email, name, "load " .. salt .. " " .. phase .. " " .. tid .. " " .. counter)
end
