package lib.images

# parse(image) splits an image reference the way container runtimes read it,
# [registry/]path[:tag][@digest], into
#   {"registry", "repository", "tag", "digest"}
# where repository is the fully qualified name without tag or digest, and
# missing parts are "". As in Docker, the first path component is a registry
# only if more components follow and it contains "." or ":" or is
# "localhost"; otherwise the registry is docker.io, and a single-component
# name gets the "library/" prefix (nginx -> docker.io/library/nginx).
parse(image) = ref {
  name := without_digest(image)
  parts := split(name, "/")
  last := parts[count(parts) - 1]
  registry := registry_of(parts)
  path := path_of(parts, registry)
  ref := {
    "registry": registry,
    "repository": concat("/", [registry, path]),
    "tag": tag_of(last),
    "digest": digest_of(image),
  }
}

without_digest(image) = s {
  i := indexof(image, "@")
  i >= 0
  s := substring(image, 0, i)
} else = image

digest_of(image) = d {
  i := indexof(image, "@")
  i >= 0
  d := substring(image, i + 1, -1)
} else = ""

# The tag is whatever follows ":" in the last path component (a ":" earlier
# on belongs to a registry port).
tag_of(last) = t {
  i := indexof(last, ":")
  i >= 0
  t := substring(last, i + 1, -1)
} else = ""

without_tag(last) = s {
  i := indexof(last, ":")
  i >= 0
  s := substring(last, 0, i)
} else = last

is_registry(component) {
  contains(component, ".")
}

is_registry(component) {
  contains(component, ":")
}

is_registry(component) {
  component == "localhost"
}

registry_of(parts) = r {
  count(parts) > 1
  is_registry(parts[0])
  r := parts[0]
} else = "docker.io"

# The repository path after the registry, without the tag.
path_of(parts, registry) = p {
  count(parts) > 1
  parts[0] == registry
  is_registry(parts[0])
  p := concat("/", array.concat(array.slice(parts, 1, count(parts) - 1), [without_tag(parts[count(parts) - 1])]))
} else = p {
  count(parts) == 1
  p := concat("/", ["library", without_tag(parts[0])])
} else = p {
  p := concat("/", array.concat(array.slice(parts, 0, count(parts) - 1), [without_tag(parts[count(parts) - 1])]))
}
