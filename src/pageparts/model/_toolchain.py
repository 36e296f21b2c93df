"""What a compiled build depends on besides the model text: the lleaves and llvmlite versions
and the CPU it was made for. All three go into a build's cache key."""

from __future__ import annotations

import hashlib
import platform
from dataclasses import dataclass
from importlib import metadata

from .._errors import MissingExtra

__all__ = ["Toolchain", "toolchain"]


@dataclass(frozen=True, slots=True)
class Toolchain:
    """What the object code depends on besides the model: compiler versions and the CPU."""

    lleaves: str
    llvmlite: str
    target: str


def toolchain(*, compiling: bool = False) -> Toolchain:
    """The installed lleaves/llvmlite (read from their metadata; imported only when
    ``compiling``) and this machine's CPU; :class:`MissingExtra` without them."""
    try:
        versions = metadata.version("lleaves"), metadata.version("llvmlite")
        if compiling:
            import lleaves  # noqa: F401
    except (metadata.PackageNotFoundError, ImportError) as exc:
        raise MissingExtra("lleaves", "fast") from exc
    return Toolchain(*versions, f"{platform.machine()}|{_cpu_id()}")


#: The /proc/cpuinfo fields that say which instructions a CPU runs (x86 and ARM names).
_CPU_FIELDS = ("vendor_id", "cpu family", "model", "model name", "flags", "CPU implementer",
               "CPU architecture", "CPU variant", "CPU part", "Features")


def _cpu_id() -> str:
    """A digest of this CPU's model and feature flags: the code is made for them. Read from
    /proc/cpuinfo (no LLVM in the process); elsewhere, asked of LLVM."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as f:
            first = f.read(1 << 20).split("\n\n", 1)[0]
    except OSError:
        first = ""
    fields = [line for line in first.splitlines()
              if line.split(":", 1)[0].strip() in _CPU_FIELDS]
    if fields:
        described = "\n".join(fields)
    else:
        try:
            import llvmlite.binding as llvm
        except ImportError as exc:
            raise MissingExtra("llvmlite", "fast") from exc
        try:
            features = llvm.get_host_cpu_features().flatten()
        except RuntimeError:  # LLVM cannot always list them; the name still tells CPUs apart
            features = ""
        described = f"{llvm.get_host_cpu_name()}\n{features}"
    return hashlib.sha256(described.encode("utf-8")).hexdigest()[:24]
