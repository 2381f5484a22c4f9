package lib.quantity

# parse(q) is the value of a Kubernetes resource quantity as a plain number
# (cores for CPU, bytes for memory): "500m" -> 0.5, "1Gi" -> 1073741824,
# "1e3" -> 1000, "2" -> 2, "0.5" -> 0.5. YAML may also deliver a number
# (cpu: 2, memory: 1e3), which is taken as is. It is undefined for anything
# that is not a quantity, so callers can report the value as invalid.
# Written out here rather than using units.parse so that the policy behaves
# the same on every Rego engine.
parse(q) = n {
  is_number(q)
  n := q
}

parse(q) = n {
  is_string(q)
  m := regex.find_all_string_submatch_n(`^([+-]?)([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+|[numkMGTPE]|[KMGTPE]i)?$`, q, 1)
  count(m) == 1
  sign := m[0][1]
  digits := m[0][2]
  suffix := m[0][3]
  n := signed(sign, scale(to_number(normalize(digits)), suffix))
}

signed("-", x) = y {
  y := 0 - x
}

signed(s, x) = x {
  s != "-"
}

# to_number wants digits on both sides of the decimal point.
normalize(d) = s {
  startswith(d, ".")
  s := concat("", ["0", d])
} else = s {
  endswith(d, ".")
  s := concat("", [d, "0"])
} else = d

binary := {"Ki": 1, "Mi": 2, "Gi": 3, "Ti": 4, "Pi": 5, "Ei": 6}

# Decimal SI suffixes as powers of ten.
decimal := {"n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18}

scale(x, suffix) = y {
  p := binary[suffix]
  y := x * power(1024, p)
}

scale(x, suffix) = y {
  e := decimal[suffix]
  y := times_ten_to(x, e)
}

scale(x, suffix) = y {
  regex.match(`^[eE]`, suffix)
  e := to_number(substring(suffix, 1, -1))
  y := times_ten_to(x, e)
}

# Negative powers divide, so that 500m is exactly 0.5.
times_ten_to(x, e) = y {
  e >= 0
  y := x * power(10, e)
} else = y {
  y := x / power(10, 0 - e)
}

power(base, e) = 1 {
  e == 0
}

power(base, e) = p {
  e > 0
  e <= 64
  p := product([base | numbers.range(1, e)[_]])
}
