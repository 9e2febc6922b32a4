// set-marker: sets a named marker, creating it when new.
// @param name: string
// @param value: string
// @returns value
MERGE (m:Marker {name: $name})
SET m.value = $value
RETURN m.value AS value
