"""A msgpack writer that encodes like Boomer's ugorji/go codec v1.2.8 MsgpackHandle.

Differences from Python msgpack 1.0 (protocol.md §2.2): strings use the legacy raw forms
only (fixstr, str16 0xda, str32 0xdb; never str8 0xd9), and integers are written signed:
positive fixint up to 127, otherwise the smallest of int8/int16/int32/int64 (0xd0-0xd3),
never uint8-uint64. Floats are float64. Only the value types Boomer sends are supported.
"""

import struct


def pack(value):
    out = bytearray()
    _pack(value, out)
    return bytes(out)


def _pack(value, out):
    if value is None:
        out += b"\xc0"
    elif value is True:
        out += b"\xc3"
    elif value is False:
        out += b"\xc2"
    elif isinstance(value, int):
        _pack_int(value, out)
    elif isinstance(value, float):
        out += b"\xcb" + struct.pack(">d", value)
    elif isinstance(value, str):
        _pack_str(value.encode("utf-8"), out)
    elif isinstance(value, (list, tuple)):
        _header(len(value), 0x90, 0xdc, 0xdd, out)
        for item in value:
            _pack(item, out)
    elif isinstance(value, dict):
        _header(len(value), 0x80, 0xde, 0xdf, out)
        for key, item in value.items():
            _pack(key, out)
            _pack(item, out)
    else:
        raise TypeError(type(value))


def _pack_int(value, out):
    if -32 <= value <= 127:
        out += struct.pack(">b", value)
    elif -2**7 <= value < 2**7:
        out += b"\xd0" + struct.pack(">b", value)
    elif -2**15 <= value < 2**15:
        out += b"\xd1" + struct.pack(">h", value)
    elif -2**31 <= value < 2**31:
        out += b"\xd2" + struct.pack(">i", value)
    elif -2**63 <= value < 2**63:
        out += b"\xd3" + struct.pack(">q", value)
    else:
        raise OverflowError(value)


def _pack_str(data, out):
    if len(data) < 32:
        out.append(0xa0 | len(data))
    elif len(data) < 2**16:
        out += b"\xda" + struct.pack(">H", len(data))
    else:
        out += b"\xdb" + struct.pack(">I", len(data))
    out += data


def _header(size, fix, marker16, marker32, out):
    if size < 16:
        out.append(fix | size)
    elif size < 2**16:
        out += bytes([marker16]) + struct.pack(">H", size)
    else:
        out += bytes([marker32]) + struct.pack(">I", size)
