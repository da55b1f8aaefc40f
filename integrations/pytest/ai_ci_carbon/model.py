"""ai-ci's one power model, in Python, for the pytest plugin.

It reads the same table as the TypeScript side (``cpu-power.json``, a link to ``src/analysis/energy/cpu-power.json``
in the repository, copied into the package when installed) and follows ``src/analysis/energy/power.ts`` and
``meter.ts`` step for step; ``test/fixtures/energy/reference-cases.json`` is asserted by both test suites.

Methods, best first: ``specpower`` (a SPECpower_ssj2008 result of this CPU model, scaled to this machine's hardware
threads), ``tdp`` (the CPU's TDP per thread x (idle share + (1 - idle share) x u)), ``table-median`` (an unknown CPU:
the median watts per thread of the table's systems). RAPL counters replace the model where readable.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from statistics import median

TABLE_PATH = Path(__file__).with_name("cpu-power.json")
TABLE = json.loads(TABLE_PATH.read_text(encoding="utf-8"))
MEMORY_WATTS_PER_GIB: float = TABLE["memoryWattsPerGiB"]["value"]
DEFAULT_INTENSITY: float = TABLE["defaultIntensity"]["value"]
DEFAULT_INTENSITY_SOURCE: str = TABLE["defaultIntensity"]["source"]
USER_HZ = 100


def system_curve(row: dict) -> list[float]:
    """The 11-point curve of a system row: published, or the idle-full line."""
    if "curve" in row:
        return [float(w) for w in row["curve"]]
    idle, full = float(row["idle"]), float(row["full"])
    return [idle + (full - idle) * i / 10 for i in range(11)]


def interpolate(curve: list[float], u: float) -> float:
    x = min(1.0, max(0.0, u)) * 10
    i = min(9, int(x))
    return curve[i] + (curve[i + 1] - curve[i]) * (x - i)


def _band(name: str) -> float:
    return float(TABLE["bands"].get(name, {}).get("relative", 0.5))


@dataclass(frozen=True)
class CpuPowerModel:
    method: str
    basis: str
    source: str
    watts_per_thread: tuple[float, ...]
    includes_platform: bool
    band: float

    def watts(self, threads: int, u: float) -> float:
        return interpolate(list(self.watts_per_thread), u) * threads


def cpu_power_model(cpu_model: str) -> CpuPowerModel:
    """The power model for a CPU model name as /proc/cpuinfo writes it."""
    systems = TABLE["systems"]
    for s in systems:
        if re.search(s["match"], cpu_model, re.I):
            return CpuPowerModel(
                "specpower",
                f"SPECpower_ssj2008: {s['system']}" + ("" if "curve" in s else " (idle–full line)"),
                s["source"],
                tuple(w / s["threads"] for w in system_curve(s)),
                True,
                _band("specpower"),
            )
    for c in TABLE["cpus"]:
        if re.search(c["match"], cpu_model, re.I):
            idle = median(system_curve(s)[0] / system_curve(s)[10] for s in systems)
            full = c["tdp"] / c["threads"]
            return CpuPowerModel(
                "tdp",
                f"TDP {c['tdp']} W of {c['cpu']} ({c['threads']} threads), idle {round(idle * 100)} % of TDP",
                c["source"],
                tuple(full * (idle + (1 - idle) * i / 10) for i in range(11)),
                False,
                _band("tdp"),
            )
    curves = [[w / s["threads"] for w in system_curve(s)] for s in systems]
    return CpuPowerModel(
        "table-median",
        f'unknown CPU "{cpu_model}": median watts per thread of {len(systems)} SPECpower systems',
        "src/analysis/energy/cpu-power.json",
        tuple(median(c[i] for c in curves) for i in range(11)),
        True,
        _band("table-median"),
    )


def grams_co2e(joules: float, intensity: float) -> float:
    """Grams CO2e of ``joules`` at ``intensity`` gCO2e/kWh."""
    return joules / 3.6e6 * intensity


# --- readers (Linux procfs / powercap); None where unavailable ---------------------------------------------------


def cpu_model_name(proc: str = "/proc") -> str:
    try:
        text = Path(proc, "cpuinfo").read_text(encoding="utf-8")
    except OSError:
        return "unknown"
    m = re.search(r"^model name\s*:\s*(.+)$", text, re.M)
    return m.group(1).strip() if m else "unknown"


def machine_cpu(proc: str = "/proc") -> tuple[float, int] | None:
    """(busy CPU seconds since boot, number of CPUs) from /proc/stat."""
    try:
        lines = Path(proc, "stat").read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    f = lines[0].split()
    if f[0] != "cpu":
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in f[1:9])
    cpus = sum(1 for line in lines if re.match(r"cpu\d+ ", line))
    return (user + nice + system + irq + softirq + steal) / USER_HZ, cpus


def self_cpu_seconds() -> float:
    """CPU seconds of this process and its reaped children."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def self_rss_bytes(proc: str = "/proc") -> int:
    try:
        text = Path(proc, "self", "status").read_text(encoding="utf-8")
    except OSError:
        return 0
    m = re.search(r"^VmRSS:\s+(\d+) kB$", text, re.M)
    return int(m.group(1)) * 1024 if m else 0


_ZONE = re.compile(r"^(intel-rapl|amd-rapl):\d+(:\d+)?$")


class Rapl:
    """Package (+ DRAM) counters under a powercap root, with wrap-around (rules of src/analysis/energy/rapl.ts)."""

    def __init__(self, root: str = "/sys/class/powercap") -> None:
        self.zones: list[tuple[Path, str, int]] = []
        try:
            entries = sorted(os.listdir(root))
        except OSError:
            return
        zones = []
        for zid in entries:
            if not _ZONE.match(zid):
                continue
            p = Path(root, zid)
            try:
                name = (p / "name").read_text().strip()
                sub = zid.count(":") == 2
                if name == "psys" or (sub and name != "dram"):
                    continue
                max_uj = int((p / "max_energy_range_uj").read_text().strip())
                int((p / "energy_uj").read_text().strip())
            except (OSError, ValueError):
                return
            zones.append((p, name, max_uj))
        self.zones = zones
        self.last = [self._counter(p) for p, _, _ in zones]

    @staticmethod
    def _counter(p: Path) -> int:
        return int((p / "energy_uj").read_text().strip())

    def read(self) -> tuple[float, float]:
        """Joules since the last read: (package, dram)."""
        pkg = dram = 0.0
        for i, (p, name, max_uj) in enumerate(self.zones):
            now = self._counter(p)
            prev = self.last[i]
            delta = now - prev if now >= prev else max_uj - prev + now
            self.last[i] = now
            if name == "dram":
                dram += delta / 1e6
            else:
                pkg += delta / 1e6
        return pkg, dram
