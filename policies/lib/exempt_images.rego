package lib.exempt_images

# exempt(image) is true when parameters.exemptImages lists the image exactly,
# or holds an entry ending in "*" whose text before the "*" starts the image.
exempt(image) {
  entry := input.parameters.exemptImages[_]
  is_string(entry)
  not endswith(entry, "*")
  image == entry
}

exempt(image) {
  entry := input.parameters.exemptImages[_]
  is_string(entry)
  endswith(entry, "*")
  startswith(image, trim_suffix(entry, "*"))
}
