// get-marker: the value of a named marker.
// @param name: string
// @returns value
MATCH (m:Marker {name: $name})
RETURN m.value AS value
