// Writes are Lua scripts (valid on Redis Cluster: both keys carry the store's hash tag): merge with
// the stored value, set the expiry, number the change (INCR of the store's sequence key) and
// announce it to mirrors, atomically. Numbers travel as the strings JavaScript produced and are
// compared with tonumber (IEEE doubles on both sides). A message is "<seq>\n<key>\n<value>".

/**
 * Revoke one token. KEYS[1] token key; KEYS[2] sequence key; ARGV[1] deadline (seconds); ARGV[2]
 * channel; ARGV[3] the key as mirrors know it (without the client's keyPrefix). Returns the
 * stored value.
 */
export const REVOKE_TOKEN_LUA = `
local current = redis.call('GET', KEYS[1])
if current and tonumber(current) and tonumber(current) >= tonumber(ARGV[1]) then
  return current
end
redis.call('SET', KEYS[1], ARGV[1], 'EXAT', ARGV[1])
local seq = redis.call('INCR', KEYS[2])
redis.call('PUBLISH', ARGV[2], seq .. '\\n' .. ARGV[3] .. '\\n' .. ARGV[1])
return ARGV[1]
`;

/**
 * Add a subject rule. KEYS[1] rule key; KEYS[2] sequence key; ARGV[1] issuedBefore; ARGV[2]
 * until; ARGV[3] deadline; ARGV[4] channel; ARGV[5] mirror key. Keeps the maximum of each field.
 * Returns the stored value.
 */
export const REVOKE_SUBJECT_LUA = `
local ib, un, dl = ARGV[1], ARGV[2], ARGV[3]
local current = redis.call('GET', KEYS[1])
if current then
  local a, b, c = string.match(current, '^(%S+) (%S+) (%S+)$')
  if a and tonumber(a) and tonumber(b) and tonumber(c) then
    if tonumber(a) > tonumber(ib) then ib = a end
    if tonumber(b) > tonumber(un) then un = b end
    if tonumber(c) > tonumber(dl) then dl = c end
  end
end
local value = ib .. ' ' .. un .. ' ' .. dl
if value == current then return current end
redis.call('SET', KEYS[1], value, 'EXAT', dl)
local seq = redis.call('INCR', KEYS[2])
redis.call('PUBLISH', ARGV[4], seq .. '\\n' .. ARGV[5] .. '\\n' .. value)
return value
`;
