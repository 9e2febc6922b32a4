// read-projection-identifier-values: kind, normalised value and raw spelling of identifiers by key.
// @param keys: list<int>
// @returns key, kind, value, raw
UNWIND $keys AS key
MATCH (i:Identifier {key: key})
RETURN i.key AS key, i.kind AS kind, i.value AS value, i.raw AS raw
