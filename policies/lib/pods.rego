package lib.pods

# The three container lists of a pod spec, and the word messages use for each.
container_kinds := {
  "containers": "container",
  "initContainers": "initContainer",
  "ephemeralContainers": "ephemeralContainer",
}

# containers[{"kind": k, "field": f, "container": c}] holds every container of
# the reviewed Pod, whatever list it is in. Malformed lists are skipped rather
# than failing the whole evaluation.
containers[entry] {
  spec := input.review.object.spec
  kind := container_kinds[field]
  list := spec[field]
  is_array(list)
  c := list[_]
  is_object(c)
  entry := {"kind": kind, "field": field, "container": c}
}

# The container as messages name it, e.g. `initContainer "setup"`.
describe(entry) = s {
  s := sprintf("%s %q", [entry.kind, name(entry.container)])
}

name(c) = n {
  n := c.name
  is_string(n)
}

name(c) = "<unnamed>" {
  not is_string(object.get(c, "name", null))
}

# The reviewed object as messages name it, e.g. `Pod "web-1"`.
object_description = s {
  s := sprintf("%v %q", [object_kind, object_name])
}

object_kind = k {
  k := input.review.object.kind
  is_string(k)
} else = "object"

object_name = n {
  n := input.review.object.metadata.name
  is_string(n)
} else = "<unnamed>"
