"""The HTTP part of a WARC response record: status line, headers, body decoding with limits."""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from ..._errors import InputError, LimitExceeded

__all__ = ["HttpResponse", "decode_body", "parse_http"]


@dataclass(frozen=True, slots=True)
class HttpResponse:
    """A parsed response: lower-cased headers and the raw body (still content-encoded)."""

    status: int | None
    headers: dict[str, str]
    body: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None


def parse_http(block: bytes) -> HttpResponse:
    """Split a response block into status, headers and body; tolerant of bare LF line ends."""
    end = block.find(b"\r\n\r\n")
    sep = 4
    if end < 0:
        end, sep = block.find(b"\n\n"), 2
    if end < 0:
        raise InputError("the HTTP response has no end of headers")
    lines = block[:end].decode("latin-1").splitlines()
    status: int | None = None
    if lines and lines[0].upper().startswith("HTTP/"):
        parts = lines[0].split()
        status = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        lines = lines[1:]
    headers: dict[str, str] = {}
    for line in lines:
        key, colon, value = line.partition(":")
        if colon:
            headers[key.strip().lower()] = value.strip()
    return HttpResponse(status, headers, block[end + sep:])


def _dechunk(body: bytes) -> bytes:
    out, pos = [], 0
    while pos < len(body):
        eol = body.find(b"\r\n", pos)
        if eol < 0:
            break
        size_text = body[pos:eol].split(b";")[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            return body  # not really chunked: keep the body as stored
        if size == 0:
            break
        out.append(body[eol + 2: eol + 2 + size])
        pos = eol + 2 + size + 2
    return b"".join(out)


def _inflate(body: bytes, wbits: int, max_bytes: int) -> bytes:
    dec = zlib.decompressobj(wbits=wbits)
    try:
        out = dec.decompress(body, max_bytes + 1)
    except zlib.error as exc:
        raise InputError(f"the body's content encoding is corrupt ({exc})") from exc
    if len(out) > max_bytes:
        raise LimitExceeded("decompressed page size (bytes)", len(out), max_bytes,
                            "the page inflates beyond the size limit (a compression bomb?)")
    return out


def decode_body(response: HttpResponse, max_bytes: int) -> bytes:
    """The body with transfer and content encodings undone, never inflated past ``max_bytes``."""
    body = response.body
    if "chunked" in response.headers.get("transfer-encoding", "").lower():
        body = _dechunk(body)
    encoding = response.headers.get("content-encoding", "").strip().lower()
    if encoding in ("gzip", "x-gzip"):
        return _inflate(body, 47, max_bytes)
    if encoding == "deflate":
        try:
            return _inflate(body, 15, max_bytes)
        except InputError:
            return _inflate(body, -15, max_bytes)  # raw deflate, as some servers send it
    if encoding == "br":
        import brotli

        dec = brotli.Decompressor()
        out = b""
        try:
            for i in range(0, len(body), 4096):
                out += dec.process(body[i: i + 4096])
                if len(out) > max_bytes:
                    raise LimitExceeded("decompressed page size (bytes)", len(out), max_bytes,
                                        "the page inflates beyond the size limit")
        except brotli.error as exc:
            raise InputError(f"the body's brotli encoding is corrupt ({exc})") from exc
        return out
    return body
