"""Writes golden vectors: the exact msgpack frame plus its typed-JSON twin.

Typed JSON convention (read by the Java GoldenVectors loader):
  * a JSON number written with a decimal point or an exponent is a float64 (Java Double);
    any other JSON number is an integer (Java Long, or BigInteger beyond the long range);
  * a msgpack map whose keys are all strings is a JSON object, in wire order;
  * any other map (a non-string key, or a lone "$map"/"$bin"/"$ext" key that would be
    ambiguous) is {"$map": [[key, value], ...]}, in wire order;
  * bin is {"$bin": "<base64>"}; ext is {"$ext": [type, "<base64>"]};
  * nil is null, bool is true/false, str is a JSON string, array is a JSON array.
The twin holds the whole envelope, i.e. the 3-element array [type, data, node_id].
"""

import base64
import json
import math
import os

import msgpack

_RESERVED = ("$map", "$bin", "$ext")


def decode(frame):
    """Decodes one frame exactly as Locust 2.12.1's Message.unserialize does."""
    return msgpack.unpackb(frame, raw=False, strict_map_key=False)


def to_typed(value):
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise ValueError("NaN/Infinity have no typed-JSON form: %r" % value)
        return value
    if isinstance(value, bytes):
        return {"$bin": base64.b64encode(value).decode("ascii")}
    if isinstance(value, msgpack.ExtType):
        return {"$ext": [value.code, base64.b64encode(value.data).decode("ascii")]}
    if isinstance(value, (list, tuple)):
        return [to_typed(v) for v in value]
    if isinstance(value, dict):
        keys = list(value.keys())
        ambiguous = len(keys) == 1 and keys[0] in _RESERVED
        if all(isinstance(k, str) for k in keys) and not ambiguous:
            return {k: to_typed(v) for k, v in value.items()}
        return {"$map": [[to_typed(k), to_typed(v)] for k, v in value.items()]}
    raise TypeError("unexpected decoded type %s" % type(value))


def _dump(value, indent):
    """JSON text with key order kept and floats as Python repr (shortest round-trip form);
    arrays and objects holding only scalars are kept on one line."""
    scalar = lambda v: not isinstance(v, (list, dict))
    if scalar(value):
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    items = value if isinstance(value, list) else list(value.values())
    if all(scalar(v) for v in items) and len(items) <= 12:
        return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(", ", ": "))
    pad = "  " * (indent + 1)
    if isinstance(value, list):
        body = [pad + _dump(v, indent + 1) for v in value]
        return "[\n" + ",\n".join(body) + "\n" + "  " * indent + "]"
    body = [pad + json.dumps(k, ensure_ascii=False) + ": " + _dump(v, indent + 1)
            for k, v in value.items()]
    return "{\n" + ",\n".join(body) + "\n" + "  " * indent + "}"


def twin_text(frame):
    """The .json twin of a frame (see the module docstring for the typed-JSON convention)."""
    text = _dump(to_typed(decode(frame)), 0) + "\n"
    if json.loads(text) != to_typed(decode(frame)):
        raise AssertionError("twin does not round-trip")
    return text


def write_vector(directory, name, frame):
    """Writes <name>.msgpack (the frame bytes) and <name>.json (its decoded twin)."""
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, name + ".msgpack"), "wb") as f:
        f.write(frame)
    with open(os.path.join(directory, name + ".json"), "w", encoding="utf-8") as f:
        f.write(twin_text(frame))
