-- A mix of the pages and API reads people use most, in turn.
paths = {
  "/", "/assurance", "/api/v1/system", "/api/v1/places/east-kent", "/api/v1/areas/east-kent/needs", "/decisions",
  "/assurance/east-kent", "/api/v1/indicators/ae-4-hour/areas/east-kent/spc", "/areas/east-kent", "/api/v1/decisions",
  "/money", "/api/v1/ledger",
}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
