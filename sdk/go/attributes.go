package meshtrace

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// Attributes are span or event attributes as the gateway renders them
// (docs/rest-v1.md), decoded without loss: a value is a string, bool, int64
// (every JSON integer, exact), float64 (every other number), nil, []any or
// map[string]any of such values. The gateway sends an int64 beyond
// ±(2^53 − 1) as the string of its exact digits ("9007199254740993"; parse it
// with strconv.ParseInt), NaN/±Infinity as "NaN"/"Infinity"/"-Infinity" and
// bytes as base64.
type Attributes map[string]any

// UnmarshalJSON keeps integers exact: encoding/json would make every number a float64.
func (a *Attributes) UnmarshalJSON(data []byte) error {
	decoder := json.NewDecoder(bytes.NewReader(data))
	decoder.UseNumber()
	var raw map[string]any
	if err := decoder.Decode(&raw); err != nil {
		return err
	}
	if raw == nil {
		*a = nil
		return nil
	}
	converted, err := exactNumbers(raw)
	if err != nil {
		return err
	}
	*a = converted.(map[string]any)
	return nil
}

func exactNumbers(value any) (any, error) {
	switch v := value.(type) {
	case json.Number:
		if !strings.ContainsAny(v.String(), ".eE") {
			n, err := v.Int64()
			if err != nil {
				return nil, fmt.Errorf("meshtrace: attribute integer %s is outside int64", v)
			}
			return n, nil
		}
		return v.Float64()
	case []any:
		for i, item := range v {
			converted, err := exactNumbers(item)
			if err != nil {
				return nil, err
			}
			v[i] = converted
		}
		return v, nil
	case map[string]any:
		for key, item := range v {
			converted, err := exactNumbers(item)
			if err != nil {
				return nil, err
			}
			v[key] = converted
		}
		return v, nil
	default:
		return v, nil
	}
}
